<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AbsenceCourier</name>
    <message>
        <source>These absence reports were waiting on this computer but could not be read back from its disk, so they were not sent: {reports}. Please report them again.</source>
        <extracomment>The outbox kind of an absence report.</extracomment>
        <translation>Deze afmeldingen stonden op deze computer klaar om te versturen, maar konden niet meer van de schijf worden gelezen en zijn dus niet verstuurd: {reports}. Geef ze opnieuw door.</translation>
    </message>
    <message>
        <source>{children} on {day}</source>
        <translation>{children} op {day}</translation>
    </message>
    <message>
        <source>{children} from {first} to {last}</source>
        <translation>{children} van {first} tot en met {last}</translation>
    </message>
    <message>
        <source>a report made on {moment}</source>
        <translation>een afmelding van {moment}</translation>
    </message>
    <message>
        <source>a report of unknown date</source>
        <translation>een afmelding van onbekende datum</translation>
    </message>
</context>
<context>
    <name>AbsenceWizard</name>
    <message>
        <source>Report absence</source>
        <translation>Afwezigheid doorgeven</translation>
    </message>
    <message>
        <source>Choose the day or the period, and the day-part if it is not the whole day.</source>
        <translation>Kies de dag of de periode, en het dagdeel als het niet de hele dag is.</translation>
    </message>
    <message>
        <source>Every planned day-part</source>
        <translation>Elk gepland dagdeel</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Opmerking: {note}</translation>
    </message>
    <message>
        <source>The portal reports every planned day-part of {children} from {first} up to and including {last}.</source>
        <translation>Het portaal meldt elk gepland dagdeel van {children} af van {first} tot en met {last}.</translation>
    </message>
    <message>
        <source>Reported at least {hours} hours before care starts, a day-part earns absence credit.</source>
        <translation>Een dagdeel dat minstens {hours} uur voor het begin van de opvang is afgemeld, levert afwezigheidstegoed op.</translation>
    </message>
    <message>
        <source>earns {hours} of absence credit (reported more than {notice} hours ahead, before {deadline}); usable until {expires}</source>
        <translation>levert {hours} afwezigheidstegoed op (meer dan {notice} uur van tevoren gemeld, vóór {deadline}); te gebruiken tot en met {expires}</translation>
    </message>
    <message>
        <source>no absence credit: less than {notice} hours before care starts</source>
        <translation>geen afwezigheidstegoed: minder dan {notice} uur voor het begin van de opvang</translation>
    </message>
    <message>
        <source>Left out because they were already reported: {n} (see the request overview).</source>
        <translation>Weggelaten omdat ze al doorgegeven waren: {n} (zie het aanvragenoverzicht).</translation>
    </message>
    <message>
        <source>You can cancel this in the request overview until {date} ({days} days before). After that, contact the location.</source>
        <translation>Je kunt dit tot en met {date} ({days} dagen van tevoren) annuleren in het aanvragenoverzicht. Daarna neem je contact op met de locatie.</translation>
    </message>
    <message>
        <source>This can no longer be cancelled in the app: less than {days} days remain. To change it, contact the location.</source>
        <translation>Dit kun je in de app niet meer annuleren: er zijn minder dan {days} dagen over. Wil je het wijzigen, neem dan contact op met de locatie.</translation>
    </message>
    <message>
        <source>The absence has been reported. Day-parts: {n}.</source>
        <translation>De afwezigheid is doorgegeven. Dagdelen: {n}.</translation>
    </message>
    <message>
        <source>It earned {hours} of absence credit.</source>
        <translation>Dit leverde {hours} afwezigheidstegoed op.</translation>
    </message>
    <message>
        <source>There is no connection with the portal right now. The absence is saved on this computer (waiting for a connection) and is sent automatically as soon as the portal can be reached — also after restarting the app.</source>
        <translation>Er is nu geen verbinding met het portaal. De afmelding is op deze computer bewaard (wacht op verbinding) en wordt vanzelf verstuurd zodra het portaal bereikbaar is — ook na het opnieuw starten van de app.</translation>
    </message>
    <message>
        <source>The absence was not accepted. {message}</source>
        <translation>De afmelding is niet geaccepteerd. {message}</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mailadres</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>&amp;Keep my data on this computer after logging out</source>
        <translation>Mijn gegevens na het uitloggen op deze computer &amp;bewaren</translation>
    </message>
    <message>
        <source>Without it, logging out removes the copy; logging in again fetches it anew.</source>
        <translation>Zonder dit vinkje verdwijnt de kopie bij het uitloggen; bij de volgende keer inloggen wordt alles opnieuw opgehaald.</translation>
    </message>
    <message>
        <source>Logged-in devices</source>
        <translation>Ingelogde apparaten</translation>
    </message>
    <message>
        <source>Computers and phones where your account is logged in. Log out a device you do not recognise or no longer use.</source>
        <translation>Computers en telefoons waarop je account is ingelogd. Log een apparaat uit dat je niet herkent of niet meer gebruikt.</translation>
    </message>
    <message>
        <source>Loading the list of devices…</source>
        <translation>De lijst met apparaten wordt geladen…</translation>
    </message>
    <message>
        <source>Log out this device</source>
        <translation>Dit apparaat uitloggen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>This is a shared computer: nothing is remembered, the screen locks when you are away for a while, and logging out removes your data from this computer.</source>
        <translation>Dit is een gedeelde computer: er wordt niets onthouden, het scherm wordt vergrendeld als je een tijdje weg bent en bij het uitloggen worden je gegevens van deze computer verwijderd.</translation>
    </message>
    <message>
        <source>While you are logged in, this computer keeps a copy of your data, so you can see it without an internet connection.</source>
        <translation>Zolang je ingelogd bent, bewaart deze computer een kopie van je gegevens, zodat je ze ook zonder internetverbinding kunt bekijken.</translation>
    </message>
    <message>
        <source>You are the first parent/guardian: you see your children, their planning and requests, and the invoices and documents.</source>
        <translation>Je bent de eerste ouder/verzorger: je ziet je kinderen, hun planning en aanvragen, en de facturen en documenten.</translation>
    </message>
    <message>
        <source>As a pedagogical staff member you see your own groups and decide on their requests for extra days.</source>
        <translation>Als pedagogisch medewerker zie je je eigen groepen en beslis je over hun aanvragen voor extra dagen.</translation>
    </message>
    <message>
        <source>As a location manager you see the groups of your locations and decide on their requests for extra days.</source>
        <translation>Als locatiemanager zie je de groepen van je locaties en beslis je over hun aanvragen voor extra dagen.</translation>
    </message>
    <message>
        <source>First parent/guardian</source>
        <translation>Eerste ouder/verzorger</translation>
    </message>
    <message>
        <source>Second parent/guardian</source>
        <translation>Tweede ouder/verzorger</translation>
    </message>
    <message>
        <source>Pedagogical staff member</source>
        <translation>Pedagogisch medewerker</translation>
    </message>
    <message>
        <source>Location manager</source>
        <translation>Locatiemanager</translation>
    </message>
    <message>
        <source>Invoices and documents are only visible to the first parent/guardian. Contact the location to change this.</source>
        <translation>Facturen en documenten zijn alleen zichtbaar voor de eerste ouder/verzorger. Neem contact op met de locatie om dit te veranderen.</translation>
    </message>
    <message>
        <source>Invoices and documents are only visible to {primary}, the first parent/guardian. Contact the location to change this.</source>
        <translation>Facturen en documenten zijn alleen zichtbaar voor {primary}, de eerste ouder/verzorger. Neem contact op met de locatie om dit te veranderen.</translation>
    </message>
    <message>
        <source>No logged-in devices were found.</source>
        <translation>Er zijn geen ingelogde apparaten gevonden.</translation>
    </message>
    <message>
        <source>Your account is only logged in on this device.</source>
        <translation>Je account is alleen op dit apparaat ingelogd.</translation>
    </message>
    <message>
        <source>Select a device in the list to log it out.</source>
        <translation>Kies een apparaat in de lijst om het uit te loggen.</translation>
    </message>
    <message>
        <source>The list of devices could not be loaded.</source>
        <translation>De lijst met apparaten kon niet worden geladen.</translation>
    </message>
</context>
<context>
    <name>AccountSecurity</name>
    <message>
        <source>Your current password is not correct.</source>
        <translation>Je huidige wachtwoord klopt niet.</translation>
    </message>
    <message>
        <source>Someone else already logs in with this e-mail address. Choose another one.</source>
        <translation>Met dit e-mailadres logt al iemand anders in. Kies een ander adres.</translation>
    </message>
    <message>
        <source>The code is wrong or has expired. Request a new code if needed.</source>
        <translation>De code klopt niet of is verlopen. Vraag zo nodig een nieuwe code aan.</translation>
    </message>
    <message>
        <source>The code is wrong or was already used. Enter the newest code from your authenticator app, or a recovery code.</source>
        <translation>De code klopt niet of is al gebruikt. Vul de nieuwste code uit je authenticator-app in, of een herstelcode.</translation>
    </message>
    <message>
        <source>Logging in with a code is already on.</source>
        <translation>Inloggen met een code staat al aan.</translation>
    </message>
    <message>
        <source>Start setting up logging in with a code again.</source>
        <translation>Begin opnieuw met het instellen van inloggen met een code.</translation>
    </message>
    <message>
        <source>Logging in took too long. Please log in again.</source>
        <translation>Het inloggen duurde te lang. Log opnieuw in.</translation>
    </message>
    <message>
        <source>Your organisation requires managers to log in with a code: it cannot be turned off.</source>
        <translation>Je organisatie vraagt managers om in te loggen met een code: uitzetten kan niet.</translation>
    </message>
    <message>
        <source>Your organisation requires managers to log in with a code. Set it up to log in.</source>
        <translation>Je organisatie vraagt managers om in te loggen met een code. Stel dat in om in te loggen.</translation>
    </message>
    <message>
        <source>This is already your login address.</source>
        <translation>Met dit adres log je al in.</translation>
    </message>
</context>
<context>
    <name>AccountSecurityPanel</name>
    <message>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <source>Change e-mail address…</source>
        <translation>E-mailadres wijzigen…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Wachtwoord wijzigen…</translation>
    </message>
    <message>
        <source>E-mail me when my account logs in on a new device</source>
        <translation>Stuur me een e-mail als er op een nieuw apparaat op mijn account wordt ingelogd</translation>
    </message>
    <message>
        <source>Log in with</source>
        <translation>Inloggen met</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Code at login</source>
        <translation>Code bij inloggen</translation>
    </message>
    <message>
        <source>Waiting for the code we sent to {email}. Until you enter it you keep logging in with {current}.</source>
        <translation>We wachten op de code die we naar {email} hebben gestuurd. Tot je die invult, log je in met {current}.</translation>
    </message>
    <message>
        <source>On: after your password you enter a code from your authenticator app ({count} recovery codes left).</source>
        <translation>Aan: na je wachtwoord vul je een code uit je authenticator-app in (nog {count} herstelcodes).</translation>
    </message>
    <message>
        <source>Your organisation requires it for managers, so it cannot be turned off.</source>
        <translation>Je organisatie vraagt dit van managers, dus uitzetten kan niet.</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Uitzetten…</translation>
    </message>
    <message>
        <source>Your organisation requires it for managers.</source>
        <translation>Je organisatie vraagt dit van managers.</translation>
    </message>
    <message>
        <source>Off: your password alone opens your account.</source>
        <translation>Uit: alleen je wachtwoord geeft toegang tot je account.</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>Instellen…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Je wachtwoord is gewijzigd.</translation>
    </message>
    <message>
        <source>Your other device was logged out.</source>
        <translation>Je andere apparaat is uitgelogd.</translation>
    </message>
    <message>
        <source>{count} other devices were logged out.</source>
        <translation>{count} andere apparaten zijn uitgelogd.</translation>
    </message>
    <message>
        <source>From now on you log in with {email}.</source>
        <translation>Vanaf nu log je in met {email}.</translation>
    </message>
    <message>
        <source>Logging in with a code is off.</source>
        <translation>Inloggen met een code staat uit.</translation>
    </message>
</context>
<context>
    <name>AgendaNotices</name>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Your absence report for {children} on {dates} has reached the portal: the group knows.</source>
        <translation>Je afmelding voor {children} op {dates} is bij het portaal aangekomen: de groep weet het.</translation>
    </message>
    <message>
        <source>The group approved the extra day for {child} on {dates}; the other requested day-parts were rejected: {reason}</source>
        <translation>De groep heeft de extra dag voor {child} op {dates} goedgekeurd; de andere aangevraagde dagdelen zijn afgewezen: {reason}</translation>
    </message>
    <message>
        <source>The group approved the extra day for {child} on {dates}.</source>
        <translation>De groep heeft de extra dag voor {child} op {dates} goedgekeurd.</translation>
    </message>
    <message>
        <source>The group rejected the extra day for {child} on {dates}: {reason}</source>
        <translation>De groep heeft de extra dag voor {child} op {dates} afgewezen: {reason}</translation>
    </message>
    <message>
        <source>{count} day-parts of {children} from {first} up to and including {last} were saved in {path}. Open the file with your calendar program to add them.</source>
        <translation>{count} dagdelen van {children} van {first} tot en met {last} zijn opgeslagen in {path}. Open het bestand met je agendaprogramma om ze toe te voegen.</translation>
    </message>
    <message>
        <source>There was no connection with the portal: only {first} up to and including {last}, saved on this computer, could be exported.</source>
        <translation>Er was geen verbinding met het portaal: alleen {first} tot en met {last}, die op deze computer staan, konden worden geëxporteerd.</translation>
    </message>
    <message>
        <source>The calendar file could not be saved. {reason}</source>
        <translation>Het agendabestand kon niet worden opgeslagen. {reason}</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>Vorige maand (Page Up)</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorige maand</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>Volgende maand (Page Down)</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Volgende maand</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Show the agenda of</source>
        <translation>Toon de agenda van</translation>
    </message>
    <message>
        <source>Report absence</source>
        <translation>Afwezigheid doorgeven</translation>
    </message>
    <message>
        <source>Request a day</source>
        <translation>Dag aanvragen</translation>
    </message>
    <message>
        <source>Request overview</source>
        <translation>Aanvragenoverzicht</translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation>Exporteren naar agenda…</translation>
    </message>
    <message>
        <source>Your contract ended on {date}: absences and extra days can no longer be reported here.</source>
        <translation>Je contract is beëindigd op {date}: afwezigheid doorgeven en dagen aanvragen kan hier niet meer.</translation>
    </message>
    <message>
        <source>Your contract ends too soon to request an extra day.</source>
        <translation>Je contract eindigt te snel om nog een extra dag aan te vragen.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <source>Save the planning of your children as an .ics file for your calendar</source>
        <translation>Sla de planning van je kinderen op als .ics-bestand voor je agenda</translation>
    </message>
    <message>
        <source>Nothing planned in this month.</source>
        <translation>Niets gepland in deze maand.</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Alle kinderen</translation>
    </message>
</context>
<context>
    <name>AgendaService</name>
    <message>
        <source>This report is on its way to the portal or has just arrived: once it shows as reported, you can cancel it here.</source>
        <translation>Deze afmelding is onderweg naar het portaal of is er net aangekomen: zodra ze als afgemeld in de lijst staat, kun je haar hier annuleren.</translation>
    </message>
    <message>
        <source>There is no connection with the portal and no month of this period is saved on this computer. Try again when you are online.</source>
        <translation>Er is geen verbinding met het portaal en van deze periode is geen maand op deze computer bewaard. Probeer het opnieuw als je online bent.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>{name} is too large: an attachment may be at most 10 MB.</source>
        <translation>{name} is te groot: een bijlage mag hoogstens 10 MB zijn.</translation>
    </message>
    <message>
        <source>{name} cannot be attached: only PDF files and pictures (JPEG or PNG) can.</source>
        <translation>{name} kan niet als bijlage mee: alleen PDF-bestanden en foto&apos;s (JPEG of PNG) kunnen dat.</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} kon niet gelezen worden: {reason}</translation>
    </message>
</context>
<context>
    <name>AttendanceHistoryDialog</name>
    <message>
        <source>History of {name}, {day}</source>
        <translation>Geschiedenis van {name}, {day}</translation>
    </message>
    <message>
        <source>Changes to arrival and departure</source>
        <translation>Wijzigingen in brengen en halen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>{when}, {who}: arrived {arrived}, went home {left}</source>
        <translation>{when}, {who}: gebracht {arrived}, opgehaald {left}</translation>
    </message>
    <message>
        <source>{line} — note: {note}</source>
        <translation>{line} — opmerking: {note}</translation>
    </message>
    <message>
        <source>Nothing was registered on this day.</source>
        <translation>Op deze dag is niets geregistreerd.</translation>
    </message>
</context>
<context>
    <name>AuthSessionsModel</name>
    <message>
        <source>Device</source>
        <translation>Apparaat</translation>
    </message>
    <message>
        <source>Logged in since</source>
        <translation>Ingelogd sinds</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Laatst gebruikt</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dit apparaat</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>Onbekend apparaat</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>Call {location}: {phone}</source>
        <extracomment>What a screen reader says for a link (&quot;Phone Zonnebloem Centrum: 040 …&quot;); the text if empty.</extracomment>
        <translation>Bel {location}: {phone}</translation>
    </message>
    <message>
        <source>E-mail {location}: {email}</source>
        <translation>Mail {location}: {email}</translation>
    </message>
</context>
<context>
    <name>CareNotesPanel</name>
    <message>
        <source>What to know about the children</source>
        <translation>Wat je moet weten over de kinderen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Bezig met laden…</translation>
    </message>
    <message>
        <source>The notes about the children could not be loaded.</source>
        <translation>De bijzonderheden van de kinderen konden niet worden geladen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Dieet</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medisch</translation>
    </message>
    <message>
        <source>May collect</source>
        <translation>Mag ophalen</translation>
    </message>
    <message>
        <source>In an emergency</source>
        <translation>Bij nood</translation>
    </message>
    <message>
        <source>No notes about the children of your groups.</source>
        <translation>Geen bijzonderheden over de kinderen van je groepen.</translation>
    </message>
</context>
<context>
    <name>ChangeEmailDialog</name>
    <message>
        <source>Change e-mail address</source>
        <translation>E-mailadres wijzigen</translation>
    </message>
    <message>
        <source>You now log in with {email}. We send a code to the new address; the change takes effect once you enter it.</source>
        <translation>Je logt nu in met {email}. We sturen een code naar het nieuwe adres; de wijziging gaat in zodra je die invult.</translation>
    </message>
    <message>
        <source>&amp;New e-mail address</source>
        <translation>&amp;Nieuw e-mailadres</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Huidig wachtwoord</translation>
    </message>
    <message>
        <source>C&amp;ode from the e-mail</source>
        <translation>C&amp;ode uit de e-mail</translation>
    </message>
    <message>
        <source>Send a new code or use another address</source>
        <translation>Nieuwe code sturen of een ander adres gebruiken</translation>
    </message>
    <message>
        <source>We sent a code to {email}. Enter it here; until then you keep logging in with your current address.</source>
        <translation>We hebben een code naar {email} gestuurd. Vul die hier in; tot dan log je in met je huidige adres.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Code sturen</translation>
    </message>
    <message>
        <source>Enter a whole e-mail address, like name@example.nl.</source>
        <translation>Vul een volledig e-mailadres in, zoals naam@voorbeeld.nl.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Huidig wachtwoord</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words work well</source>
        <translation>Minstens 8 tekens; een paar woorden achter elkaar werkt goed</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>Nieuw wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>&amp;Log out my other devices</source>
        <translation>Mijn andere apparaten &amp;uitloggen</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>De twee nieuwe wachtwoorden zijn niet hetzelfde.</translation>
    </message>
</context>
<context>
    <name>ChangeRequestsPage</name>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Changes parents asked for: a new address, bank account, medical details or who may collect a child. They take effect once you approve them.</source>
        <translation>Wijzigingen die ouders hebben aangevraagd: een nieuw adres, bankrekening, medische gegevens of wie een kind mag ophalen. Ze gaan in zodra je ze goedkeurt.</translation>
    </message>
    <message>
        <source>Loading the changes…</source>
        <translation>De wijzigingen worden geladen…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wordt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <source>No changes are waiting for a decision.</source>
        <translation>Er wachten geen wijzigingen op een besluit.</translation>
    </message>
    <message>
        <source>{family} · asked by {name} on {date}</source>
        <translation>{family} · aangevraagd door {name} op {date}</translation>
    </message>
    <message>
        <source>Approved: {title}.</source>
        <translation>Goedgekeurd: {title}.</translation>
    </message>
    <message>
        <source>Rejected: {title}.</source>
        <translation>Afgewezen: {title}.</translation>
    </message>
    <message>
        <source>The changes could not be loaded.</source>
        <translation>De wijzigingen konden niet worden geladen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>ChildrenModel</name>
    <message>
        <source>Born {date} · {age}</source>
        <translation>Geboren {date} · {age}</translation>
    </message>
    <message>
        <source>No group yet</source>
        <translation>Nog geen groep</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>geboren {date}</translation>
    </message>
    <message>
        <source>Unknown group</source>
        <translation>Onbekende groep</translation>
    </message>
    <message>
        <source>{group} · {care_type}</source>
        <translation>{group} · {care_type}</translation>
    </message>
    <message>
        <source>{contract} (ended {date})</source>
        <translation>{contract} (beëindigd op {date})</translation>
    </message>
    <message>
        <source>{contract} (from {date})</source>
        <translation>{contract} (vanaf {date})</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Children</source>
        <extracomment>The longest note and period a report may have (the portal&apos;s limits, docs/api.md).
----------
The longest period one request may cover when the portal does not say (docs/api.md).</extracomment>
        <translation>Kinderen</translation>
    </message>
    <message>
        <source>Who will not come?</source>
        <translation>Wie komt er niet?</translation>
    </message>
    <message>
        <source>Choose at least one child.</source>
        <translation>Kies minstens één kind.</translation>
    </message>
    <message>
        <source>This period has not been loaded on this computer yet; the portal checks which day-parts are planned when the report arrives.</source>
        <translation>Deze periode is nog niet op deze computer opgehaald; het portaal controleert bij ontvangst welke dagdelen gepland zijn.</translation>
    </message>
    <message>
        <source>The chosen children are not planned on these days (or their absence has already been reported). Choose other days or another child.</source>
        <translation>De gekozen kinderen zijn op deze dagen niet ingepland (of al afgemeld). Kies andere dagen of een ander kind.</translation>
    </message>
    <message>
        <source>For whom do you request extra care?</source>
        <translation>Voor wie vraag je extra opvang aan?</translation>
    </message>
    <message>
        <source>There is no connection with the portal. Extra days need a connection: the portal works out the cost with your current absence credit.</source>
        <translation>Er is geen verbinding met het portaal. Voor extra dagen is een verbinding nodig: het portaal berekent de kosten met je actuele afwezigheidstegoed.</translation>
    </message>
    <message>
        <source>No extra days for {names}: the contract has ended (or ends before the first day that can be requested).</source>
        <translation>Geen extra dagen voor {names}: het contract is beëindigd (of eindigt vóór de eerste dag die je kunt aanvragen).</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Check your e-mail</source>
        <translation>Kijk in je e-mail</translation>
    </message>
    <message>
        <source>&amp;Code from the e-mail</source>
        <translation>&amp;Code uit de e-mail</translation>
    </message>
    <message>
        <source>for example K7MQ-29XP</source>
        <translation>bijvoorbeeld K7MQ-29XP</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Herhaal het nieuwe wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Log out on all other computers and phones</source>
        <translation>&amp;Uitloggen op alle andere computers en telefoons</translation>
    </message>
    <message>
        <source>If {email} belongs to an account, we have sent an e-mail with a link and a code. It can take a few minutes; also check your spam folder. Enter the code here and choose a new password, or use the link in the e-mail.</source>
        <translation>Als {email} bij een account hoort, hebben we een e-mail gestuurd met een link en een code. Dat kan een paar minuten duren; kijk ook in je map met ongewenste e-mail (spam). Vul hier de code in en kies een nieuw wachtwoord, of gebruik de link in de e-mail.</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>Wachtwoord &amp;instellen</translation>
    </message>
    <message>
        <source>Use at least {minimum} characters ({count} so far).</source>
        <translation>Gebruik minstens {minimum} tekens (nu {count}).</translation>
    </message>
    <message>
        <source>Use at most {maximum} characters.</source>
        <translation>Gebruik hoogstens {maximum} tekens.</translation>
    </message>
    <message>
        <source>Type the new password once more.</source>
        <translation>Typ het nieuwe wachtwoord nog een keer.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
    <message>
        <source>✓ The new password can be used.</source>
        <translation>✓ Het nieuwe wachtwoord kan worden gebruikt.</translation>
    </message>
    <message>
        <source>Use at least {minimum} characters. A few words in a row make a strong password that is easy to remember.</source>
        <translation>Gebruik minstens {minimum} tekens. Een paar woorden achter elkaar vormen een sterk wachtwoord dat makkelijk te onthouden is.</translation>
    </message>
    <message>
        <source>Strength: very weak</source>
        <translation>Sterkte: heel zwak</translation>
    </message>
    <message>
        <source>Strength: weak</source>
        <translation>Sterkte: zwak</translation>
    </message>
    <message>
        <source>Strength: fair</source>
        <translation>Sterkte: redelijk</translation>
    </message>
    <message>
        <source>Strength: strong</source>
        <translation>Sterkte: sterk</translation>
    </message>
    <message>
        <source>Strength: very strong</source>
        <translation>Sterkte: heel sterk</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Your message</source>
        <extracomment>The portal&apos;s longest message (docs/api.md, &quot;Messages&quot;).</extracomment>
        <translation>Je bericht</translation>
    </message>
    <message>
        <source>Write a message… (Ctrl+Enter sends)</source>
        <translation>Schrijf een bericht… (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Bijlage toevoegen…</translation>
    </message>
    <message>
        <source>Attach a PDF or a picture (at most 10 MB)</source>
        <translation>Voeg een pdf of foto toe (hoogstens 10 MB)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} verwijderen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Bijlagen toevoegen</translation>
    </message>
    <message>
        <source>PDF files and pictures (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Pdf-bestanden en foto&apos;s (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>{left} characters left</source>
        <translation>Nog {left} tekens</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — showing saved data</source>
        <translation>Offline — opgeslagen gegevens</translation>
    </message>
</context>
<context>
    <name>ConsentsCard</name>
    <message>
        <source>Consents for {name}</source>
        <translation>Toestemmingen voor {name}</translation>
    </message>
    <message>
        <source>Photos of {name} may be shown:</source>
        <translation>Foto&apos;s van {name} mogen worden getoond:</translation>
    </message>
    <message>
        <source>In the parent portal (this app)</source>
        <translation>In het ouderportaal (deze app)</translation>
    </message>
    <message>
        <source>On the location&apos;s website</source>
        <translation>Op de website van de locatie</translation>
    </message>
    <message>
        <source>On the location&apos;s social media</source>
        <translation>Op de sociale media van de locatie</translation>
    </message>
    <message>
        <source>Save photo consents</source>
        <translation>Fototoestemmingen opslaan</translation>
    </message>
    <message>
        <source>Staff may give medicines</source>
        <translation>Medicijnen laten toedienen door de medewerkers</translation>
    </message>
    <message>
        <source>To change the consent for medicines, contact the location.</source>
        <translation>Neem contact op met de locatie om de toestemming voor medicijnen te wijzigen.</translation>
    </message>
    <message>
        <source>Withdraw the consent for photos of {name} in the parent portal? The photos on which {name} is tagged then disappear from the app at once, for both parents. You can give the consent again later.</source>
        <translation>De toestemming voor foto&apos;s van {name} in het ouderportaal intrekken? De foto&apos;s waarop {name} staat verdwijnen dan meteen uit de app, voor beide ouders. Je kunt de toestemming later weer geven.</translation>
    </message>
    <message>
        <source>Withdraw photo consent</source>
        <translation>Fototoestemming intrekken</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>The photo consents are saved.</source>
        <translation>De fototoestemmingen zijn opgeslagen.</translation>
    </message>
    <message>
        <source>The photo consents could not be saved.</source>
        <translation>De fototoestemmingen konden niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>ContactsForm</name>
    <message>
        <source>Add a person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Remove the selected person</source>
        <translation>Gekozen persoon verwijderen</translation>
    </message>
    <message>
        <source>Person {row}, {field}: {message}</source>
        <translation>Persoon {row}, {field}: {message}</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <source>{count} unread</source>
        <translation>{count} ongelezen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er is iets misgegaan</translation>
    </message>
    <message>
        <source>Ouderportaal ran into a problem it did not expect. Your data on the portal is safe. If this keeps happening, copy the report below and send it to your organisation&apos;s helpdesk, together with what you were doing.</source>
        <translation>Ouderportaal liep tegen een onverwacht probleem aan. Je gegevens op het portaal zijn veilig. Gebeurt dit vaker? Kopieer dan het rapport hieronder en stuur het naar de helpdesk van je kinderopvangorganisatie, samen met wat je aan het doen was.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Foutrapport</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Rapport kopiëren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Het rapport staat op het klembord.</translation>
    </message>
</context>
<context>
    <name>DataDownloadPanel</name>
    <message>
        <source>Your data</source>
        <translation>Mijn gegevens</translation>
    </message>
    <message>
        <source>Download everything the portal keeps about your family: your details, the children, the planning, absences and requests, as a ZIP file with a summary.</source>
        <translation>Download alles wat het portaal over je gezin bewaart: je gegevens, de kinderen, de planning, afmeldingen en aanvragen, als ZIP-bestand met een overzicht.</translation>
    </message>
    <message>
        <source>Download my data…</source>
        <translation>Mijn gegevens downloaden…</translation>
    </message>
    <message>
        <source>my-data-{date}.zip</source>
        <translation>mijn-gegevens-{date}.zip</translation>
    </message>
    <message>
        <source>Save your data</source>
        <translation>Je gegevens opslaan</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-bestanden (*.zip)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Bezig met downloaden…</translation>
    </message>
    <message>
        <source>Downloading… {size} kB</source>
        <translation>Bezig met downloaden… {size} kB</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>Opgeslagen in {file}.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Alt+Down opens the calendar; Up and Down change the day</source>
        <translation>Alt+Omlaag opent de kalender; met Omhoog en Omlaag verander je de dag</translation>
    </message>
</context>
<context>
    <name>DayActions</name>
    <message>
        <source>Extra days can be requested from {date} on ({days} days ahead).</source>
        <translation>Extra dagen kun je aanvragen vanaf {date} ({days} dagen van tevoren).</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>Report absence</source>
        <extracomment>The panel&apos;s width beside a wide month, and beside a narrow one (a 1024 px screen), where every pixel the grid gets keeps a day&apos;s lines readable.</extracomment>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Report absence for this day</source>
        <translation>Afwezigheid doorgeven voor deze dag</translation>
    </message>
    <message>
        <source>Request this day</source>
        <translation>Deze dag aanvragen</translation>
    </message>
    <message>
        <source>Closed: {reason}</source>
        <translation>Gesloten: {reason}</translation>
    </message>
    <message>
        <source>School holiday: {name}</source>
        <translation>Schoolvakantie: {name}</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <source>extra day requested, not decided yet</source>
        <translation>extra dag aangevraagd, nog geen besluit</translation>
    </message>
    <message>
        <source>extra day approved</source>
        <translation>extra dag goedgekeurd</translation>
    </message>
    <message>
        <source>extra day rejected</source>
        <translation>extra dag afgewezen</translation>
    </message>
    <message>
        <source>extra day rejected: {reason}</source>
        <translation>extra dag afgewezen: {reason}</translation>
    </message>
    <message>
        <source>This month has not been loaded yet. It appears as soon as the portal can be reached.</source>
        <translation>Deze maand is nog niet opgehaald. Hij verschijnt zodra het portaal bereikbaar is.</translation>
    </message>
    <message>
        <source>No care planned on this day.</source>
        <translation>Op deze dag is geen opvang gepland.</translation>
    </message>
</context>
<context>
    <name>DayReportDialog</name>
    <message>
        <source>Day report: {names}</source>
        <translation>Dagverslag: {names}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Slept until</source>
        <translation>Geslapen tot</translation>
    </message>
    <message>
        <source>Add sleep</source>
        <translation>Slapen toevoegen</translation>
    </message>
    <message>
        <source>Bottle in ml</source>
        <translation>Fles in ml</translation>
    </message>
    <message>
        <source>Add bottle</source>
        <translation>Fles toevoegen</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatuur</translation>
    </message>
    <message>
        <source>Add temperature</source>
        <translation>Temperatuur toevoegen</translation>
    </message>
    <message>
        <source>Activity or note, e.g. painted outside</source>
        <translation>Activiteit of notitie, bijvoorbeeld buiten geverfd</translation>
    </message>
    <message>
        <source>Activity or note</source>
        <translation>Activiteit of notitie</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicijn</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Add medication</source>
        <translation>Medicatie toevoegen</translation>
    </message>
    <message>
        <source>The parents gave no consent for medication.</source>
        <translation>De ouders hebben geen toestemming gegeven voor medicatie.</translation>
    </message>
    <message>
        <source>Sleep until</source>
        <translation>Slapen tot</translation>
    </message>
    <message>
        <source>Bottle</source>
        <translation>Fles</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicatie</translation>
    </message>
    <message>
        <source>How was the day? The parents read this.</source>
        <translation>Hoe was de dag? De ouders lezen dit.</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>Dagverslag</translation>
    </message>
    <message>
        <source>Save day report</source>
        <translation>Dagverslag opslaan</translation>
    </message>
    <message>
        <source>Change my entries…</source>
        <translation>Mijn invoer wijzigen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Written today</source>
        <translation>Vandaag geschreven</translation>
    </message>
    <message>
        <source>Add to the day</source>
        <translation>Toevoegen aan de dag</translation>
    </message>
    <message>
        <source>What you add now is written for each of: {names}.</source>
        <translation>Wat je nu toevoegt, wordt geschreven voor: {names}.</translation>
    </message>
    <message>
        <source>Fruit, all eaten</source>
        <translation>Fruit, alles op</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>fruit</translation>
    </message>
    <message>
        <source>Sandwich, all eaten</source>
        <translation>Boterham, alles op</translation>
    </message>
    <message>
        <source>sandwich</source>
        <translation>boterham</translation>
    </message>
    <message>
        <source>Bottle 180 ml</source>
        <translation>Fles 180 ml</translation>
    </message>
    <message>
        <source>Nappy wet</source>
        <translation>Luier nat</translation>
    </message>
    <message>
        <source>Nappy dirty</source>
        <translation>Luier vies</translation>
    </message>
    <message>
        <source>Sun cream</source>
        <translation>Zonnebrand</translation>
    </message>
    <message>
        <source>Nothing written yet.</source>
        <translation>Nog niets geschreven.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Parent (first parent/guardian) with two children: Emma and Daan</source>
        <extracomment>Every demo account shares this password (docs/api.md, &quot;Demo organisation&quot;). The demo account that logs in with a code uses this secret.</extracomment>
        <translation>Ouder (eerste ouder/verzorger) met twee kinderen: Emma en Daan</translation>
    </message>
    <message>
        <source>Second parent/guardian of the same family</source>
        <translation>Tweede ouder/verzorger van hetzelfde gezin</translation>
    </message>
    <message>
        <source>Parent whose contract ended 5 weeks ago</source>
        <translation>Ouder van wie het contract 5 weken geleden is beëindigd</translation>
    </message>
    <message>
        <source>Parent whose contract ended 16 months ago (login refused)</source>
        <translation>Ouder van wie het contract 16 maanden geleden is beëindigd (inloggen wordt geweigerd)</translation>
    </message>
    <message>
        <source>Childcare worker, group Zonnetjes</source>
        <translation>Pedagogisch medewerker, groep Zonnetjes</translation>
    </message>
    <message>
        <source>Location manager of both locations</source>
        <translation>Locatiemanager van beide locaties</translation>
    </message>
    <message>
        <source>Parent who logs in with a code; key for an authenticator app: {key}</source>
        <translation>Ouder die inlogt met een code; sleutel voor een authenticator-app: {key}</translation>
    </message>
    <message>
        <source>The demo portal could not be started. You can still log in to your organisation&apos;s portal.</source>
        <translation>Het demoportaal kon niet worden gestart. Je kunt wel inloggen op het portaal van je organisatie.</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>This portal runs on this computer with made-up families. Choose a login to fill in the form, then press “Log in”.</source>
        <translation>Dit portaal draait op deze computer, met verzonnen gezinnen. Kies een login om het formulier in te vullen en klik dan op “Inloggen”.</translation>
    </message>
    <message>
        <source>Fill in the demo login {email}</source>
        <translation>Demologin {email} invullen</translation>
    </message>
    <message>
        <source>“Forgot password?” works here too: the demo sends no real mail, it saves each mail (with the code) as an .eml file in {folder}.</source>
        <translation>“Wachtwoord vergeten?” werkt hier ook: de demo verstuurt geen echte mail, maar bewaart elke mail (met de code) als .eml-bestand in {folder}.</translation>
    </message>
    <message>
        <source>Open the demo&apos;s mail folder {folder}</source>
        <translation>Open de mailmap van de demo {folder}</translation>
    </message>
</context>
<context>
    <name>DiaryCourier</name>
    <message>
        <source>an unknown day</source>
        <extracomment>The outbox kind of a diary entry.</extracomment>
        <translation>een onbekende dag</translation>
    </message>
    <message>
        <source>These diary notes were waiting on this computer but could not be read back from its disk, so they were not sent: {days}. Please write them again.</source>
        <translation>Deze notities voor het dagboek stonden klaar op deze computer, maar konden niet meer van de schijf worden gelezen en zijn dus niet verstuurd: {days}. Schrijf ze opnieuw.</translation>
    </message>
</context>
<context>
    <name>DiaryEntries</name>
    <message>
        <source>Day report</source>
        <translation>Dagverslag</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Eten</translation>
    </message>
    <message>
        <source>Drink</source>
        <translation>Drinken</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Slapen</translation>
    </message>
    <message>
        <source>Nappy</source>
        <translation>Luier</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicatie</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatuur</translation>
    </message>
    <message>
        <source>Sun cream</source>
        <translation>Zonnebrand</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>all of it</source>
        <translation>alles op</translation>
    </message>
    <message>
        <source>most of it</source>
        <translation>bijna alles</translation>
    </message>
    <message>
        <source>half</source>
        <translation>de helft</translation>
    </message>
    <message>
        <source>a little</source>
        <translation>een beetje</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <source>wet</source>
        <translation>nat</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>vies</translation>
    </message>
    <message>
        <source>dry</source>
        <translation>droog</translation>
    </message>
    <message>
        <source>on the toilet</source>
        <translation>op het toilet</translation>
    </message>
    <message>
        <source>{what}, {amount}</source>
        <translation>{what}, {amount}</translation>
    </message>
    <message>
        <source>{ml} ml</source>
        <translation>{ml} ml</translation>
    </message>
    <message>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <source>{name}, {dose}</source>
        <translation>{name}, {dose}</translation>
    </message>
    <message>
        <source>{celsius} °C</source>
        <translation>{celsius} °C</translation>
    </message>
    <message>
        <source>{line} ({author})</source>
        <translation>{line} ({author})</translation>
    </message>
    <message>
        <source>{line}, edited</source>
        <translation>{line}, bewerkt</translation>
    </message>
    <message>
        <source>Arrived {arrived}</source>
        <translation>Gebracht om {arrived}</translation>
    </message>
    <message>
        <source>Arrived {arrived}, went home {left}</source>
        <translation>Gebracht om {arrived}, opgehaald om {left}</translation>
    </message>
    <message>
        <source>{author} wrote (edited):</source>
        <translation>{author} schreef (bewerkt):</translation>
    </message>
    <message>
        <source>{author} wrote:</source>
        <translation>{author} schreef:</translation>
    </message>
</context>
<context>
    <name>DiaryNoteDialog</name>
    <message>
        <source>Write in the diary</source>
        <translation>Schrijf in het dagboek</translation>
    </message>
    <message>
        <source>A note for {name}&apos;s group. The staff read it today.</source>
        <translation>Een notitie voor de groep van {name}. De pedagogisch medewerkers lezen hem vandaag.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>For example: grandma collects today</source>
        <translation>Bijvoorbeeld: oma haalt vandaag op</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Diary</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Naar datum</translation>
    </message>
    <message>
        <source>Write in the diary…</source>
        <translation>Schrijf in het dagboek…</translation>
    </message>
    <message>
        <source>Change my notes…</source>
        <translation>Mijn notities wijzigen…</translation>
    </message>
    <message>
        <source>Change or delete what you wrote on the chosen day</source>
        <translation>Wijzig of verwijder wat je op de gekozen dag schreef</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <source>Save the diary as PDF</source>
        <translation>Dagboek opslaan als pdf</translation>
    </message>
    <message>
        <source>The care has ended. The diary stays available until {day} ({days} days from today); save it before then.</source>
        <translation>De opvang is beëindigd. Het dagboek is nog beschikbaar tot {day} (nog {days} dagen); vergeet het niet te bewaren.</translation>
    </message>
    <message>
        <source>Days of the diary</source>
        <translation>Dagen van het dagboek</translation>
    </message>
    <message>
        <source>There are no children in this account.</source>
        <translation>Bij dit account horen geen kinderen.</translation>
    </message>
    <message>
        <source>Nothing has been written in the diary yet.</source>
        <translation>Er is nog niets in het dagboek geschreven.</translation>
    </message>
    <message>
        <source>Notes waiting for a connection: {count}. They are sent by themselves.</source>
        <translation>Notities die op verbinding wachten: {count}. Ze worden vanzelf verstuurd.</translation>
    </message>
</context>
<context>
    <name>DiaryPdfDialog</name>
    <message>
        <source>Save the diary as PDF</source>
        <translation>Dagboek opslaan als pdf</translation>
    </message>
    <message>
        <source>The days of the period with what the group wrote, your own notes and the photos of your child, as one PDF file.</source>
        <translation>De dagen van de periode met wat de groep schreef, je eigen notities en de foto&apos;s van je kind, in één pdf-bestand.</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <source>diary-{child}-{first}-{last}.pdf</source>
        <translation>dagboek-{child}-{first}-{last}.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>De pdf wordt gemaakt…</translation>
    </message>
    <message>
        <source>Saved as {file}.</source>
        <translation>Opgeslagen als {file}.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your password has been set</source>
        <translation>Je wachtwoord is ingesteld</translation>
    </message>
    <message>
        <source>You can now log in with your new password. For your safety, other computers and phones that were logged in to your account have been logged out.</source>
        <translation>Je kunt nu inloggen met je nieuwe wachtwoord. Voor je veiligheid zijn andere computers en telefoons die op je account waren ingelogd, uitgelogd.</translation>
    </message>
    <message>
        <source>You can now log in with your new password.</source>
        <translation>Je kunt nu inloggen met je nieuwe wachtwoord.</translation>
    </message>
    <message>
        <source>&amp;Back to login</source>
        <translation>&amp;Terug naar inloggen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A newer version of Ouderportaal left writes on this computer that still have to be sent. Install the newest version to open this account; the writes are kept until then.</source>
        <translation>Een nieuwere versie van Ouderportaal heeft op deze computer wijzigingen klaargezet die nog verstuurd moeten worden. Installeer de nieuwste versie om dit account te openen; tot die tijd blijven ze bewaard.</translation>
    </message>
    <message>
        <source>The e-mail address or password is incorrect.</source>
        <translation>Het e-mailadres of wachtwoord is onjuist.</translation>
    </message>
    <message>
        <source>Your account has been switched off by the childcare organisation.</source>
        <translation>Je account is uitgezet door de kinderopvangorganisatie.</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>Je sessie is verlopen. Log opnieuw in.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Je account mag dit niet doen.</translation>
    </message>
    <message>
        <source>This item no longer exists on the portal.</source>
        <translation>Dit onderdeel bestaat niet meer op het portaal.</translation>
    </message>
    <message>
        <source>The code is incorrect, already used or expired. Request a new e-mail and use the newest code.</source>
        <translation>De code is onjuist, al gebruikt of verlopen. Vraag een nieuwe e-mail aan en gebruik de nieuwste code.</translation>
    </message>
    <message>
        <source>The portal refused this: %1</source>
        <translation>Het portaal heeft dit geweigerd: %1</translation>
    </message>
    <message>
        <source>The portal refused this request.</source>
        <translation>Het portaal heeft dit verzoek geweigerd.</translation>
    </message>
    <message>
        <source>Something went wrong on the portal server. Please try again later.</source>
        <translation>Er ging iets mis op de server van het portaal. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>There is no parent portal at this address. Check the organisation name or address.</source>
        <translation>Op dit adres is geen ouderportaal. Controleer de naam of het adres van de organisatie.</translation>
    </message>
    <message>
        <source>There is no internet connection. Check your network and try again.</source>
        <translation>Er is geen internetverbinding. Controleer je netwerk en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This organisation address is unknown. Check the spelling of the organisation.</source>
        <translation>Dit adres van de organisatie is onbekend. Controleer de spelling van de organisatie.</translation>
    </message>
    <message>
        <source>The connection is not safe: the portal&apos;s certificate could not be verified. Do not log in, and tell your childcare organisation.</source>
        <translation>De verbinding is niet veilig: het certificaat van het portaal kon niet worden gecontroleerd. Log niet in en laat het je kinderopvangorganisatie weten.</translation>
    </message>
    <message>
        <source>The portal server did not answer in time. Please try again later.</source>
        <translation>De server van het portaal reageerde niet op tijd. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The portal server cannot be reached. Please try again later.</source>
        <translation>De server van het portaal is niet bereikbaar. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Enter the name or web address of your childcare organisation.</source>
        <translation>Vul de naam of het webadres van je kinderopvangorganisatie in.</translation>
    </message>
    <message>
        <source>This address is not secure (http). Use the https:// address of your portal.</source>
        <translation>Dit adres is niet beveiligd (http). Gebruik het https://-adres van je portaal.</translation>
    </message>
    <message>
        <source>This is not a valid organisation name or web address.</source>
        <translation>Dit is geen geldige naam of geldig webadres van een organisatie.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Te veel pogingen. Wacht even en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Too many attempts. You can try again at %1.</source>
        <translation>Te veel pogingen. Je kunt het om %1 opnieuw proberen.</translation>
    </message>
    <message>
        <source>The portal is temporarily unavailable. Please try again in a few minutes.</source>
        <translation>Het portaal is tijdelijk niet beschikbaar. Probeer het over een paar minuten opnieuw.</translation>
    </message>
    <message>
        <source>The portal is temporarily unavailable. Please try again at %1.</source>
        <translation>Het portaal is tijdelijk niet beschikbaar. Probeer het om %1 opnieuw.</translation>
    </message>
    <message>
        <source>Your access to the portal ended on %1, after your last childcare contract ended.</source>
        <translation>Je toegang tot het portaal is op %1 gestopt, na het einde van je laatste opvangcontract.</translation>
    </message>
    <message>
        <source>Your access to the portal has ended, after your last childcare contract ended.</source>
        <translation>Je toegang tot het portaal is gestopt, na het einde van je laatste opvangcontract.</translation>
    </message>
    <message>
        <source>Please contact %1.</source>
        <translation>Neem contact op met %1.</translation>
    </message>
    <message>
        <source>Please contact your childcare location.</source>
        <translation>Neem contact op met je opvanglocatie.</translation>
    </message>
    <message>
        <source>This password is too short. Use at least 8 characters.</source>
        <translation>Dit wachtwoord is te kort. Gebruik minstens 8 tekens.</translation>
    </message>
    <message>
        <source>This password is too long. Use at most 128 characters.</source>
        <translation>Dit wachtwoord is te lang. Gebruik hoogstens 128 tekens.</translation>
    </message>
    <message>
        <source>This password is too common and easy to guess. Choose another one.</source>
        <translation>Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>Do not use your e-mail address as your password. Choose another one.</source>
        <translation>Gebruik niet je e-mailadres als wachtwoord. Kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>A password of only spaces cannot be used. Choose another one.</source>
        <translation>Een wachtwoord van alleen spaties kan niet. Kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>This password cannot be used. Choose another one.</source>
        <translation>Dit wachtwoord kan niet worden gebruikt. Kies een ander wachtwoord.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to calendar</source>
        <extracomment>One export covers at most a year (the portal hands out at most 400 days of agenda at once).</extracomment>
        <translation>Exporteren naar agenda</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinderen</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Alle kinderen</translation>
    </message>
    <message>
        <source>The planned care of the chosen children in this period is saved as an .ics file that calendar programs (Outlook, Google Calendar, Apple Calendar) can import. Reported absences are left out, approved extra days are in.</source>
        <translation>De geplande opvang van de gekozen kinderen in deze periode wordt opgeslagen als .ics-bestand dat agendaprogramma&apos;s (Outlook, Google Agenda, Apple Agenda) kunnen importeren. Doorgegeven afwezigheid staat er niet in, goedgekeurde extra dagen wel.</translation>
    </message>
    <message>
        <source>&amp;Children</source>
        <translation>&amp;Kinderen</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;Up to and including</source>
        <translation>&amp;Tot en met</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Planning {names}.ics</source>
        <translation>Planning {names}.ics</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Agendabestanden (*.ics)</translation>
    </message>
</context>
<context>
    <name>ExtraDayService</name>
    <message>
        <source>Extra days need a connection: the portal works out the cost with your current absence credit. Try again when you are online.</source>
        <translation>Voor extra dagen is een verbinding nodig: het portaal berekent de kosten met je actuele afwezigheidstegoed. Probeer het opnieuw als je online bent.</translation>
    </message>
</context>
<context>
    <name>ExtraDayText</name>
    <message>
        <source>weekend</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>closing day</source>
        <translation>sluitingsdag</translation>
    </message>
    <message>
        <source>not offered on that day</source>
        <translation>die dag niet aangeboden</translation>
    </message>
    <message>
        <source>already planned</source>
        <translation>al ingepland</translation>
    </message>
    <message>
        <source>already requested</source>
        <translation>al aangevraagd</translation>
    </message>
    <message>
        <source>{hours} from absence credit</source>
        <translation>{hours} uit afwezigheidstegoed</translation>
    </message>
    <message>
        <source>{amount} on the invoice</source>
        <translation>{amount} op de factuur</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kosteloos</translation>
    </message>
    <message>
        <source>Left out: {date}, {name} ({reason})</source>
        <translation>Overgeslagen: {date}, {name} ({reason})</translation>
    </message>
    <message>
        <source>Total: {hours}; {credit} from absence credit, {amount} on the invoice.</source>
        <translation>Totaal: {hours}; {credit} uit afwezigheidstegoed, {amount} op de factuur.</translation>
    </message>
    <message>
        <source>Absence credit for these days:</source>
        <translation>Afwezigheidstegoed voor deze dagen:</translation>
    </message>
    <message>
        <source>• {name}: {usable} usable (needed: {needed})</source>
        <translation>• {name}: {usable} te gebruiken (nodig: {needed})</translation>
    </message>
    <message>
        <source>• {name}: none usable</source>
        <translation>• {name}: niets te gebruiken</translation>
    </message>
    <message>
        <source>— {hours} expires on {date}, before these days</source>
        <translation>— {hours} vervalt op {date}, vóór deze dagen</translation>
    </message>
    <message>
        <source>{name}&apos;s absence credit can only pay for days until {date}; later days go on the invoice.</source>
        <translation>Het afwezigheidstegoed van {name} kan alleen dagen tot en met {date} betalen; latere dagen komen op de factuur.</translation>
    </message>
</context>
<context>
    <name>ExtraDayWhenPage</name>
    <message>
        <source>Day-part per child</source>
        <translation>Dagdeel per kind</translation>
    </message>
    <message>
        <source>Day-part for {name}</source>
        <translation>Dagdeel voor {name}</translation>
    </message>
    <message>
        <source>Whole day</source>
        <translation>Hele dag</translation>
    </message>
</context>
<context>
    <name>ExtraDayWizard</name>
    <message>
        <source>Request a day</source>
        <translation>Dag aanvragen</translation>
    </message>
    <message>
        <source>Extra days can be requested from {min} to {max} days ahead: between {first} and {last}.</source>
        <translation>Extra dagen vraag je {min} tot {max} dagen van tevoren aan: tussen {first} en {last}.</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>hele dag</translation>
    </message>
    <message>
        <source>• {name}, {days}, {part}: requested, not decided yet</source>
        <translation>• {name}, {days}, {part}: aangevraagd, nog geen besluit</translation>
    </message>
    <message>
        <source>Your request has been submitted and is waiting for the group&apos;s decision. Follow its status in the request overview.</source>
        <translation>Je aanvraag is ingediend en wacht op het besluit van de groep. Volg de status in het aanvragenoverzicht.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} t/m {last}</translation>
    </message>
    <message>
        <source>The request was not accepted. {message}</source>
        <translation>De aanvraag is niet geaccepteerd. {message}</translation>
    </message>
</context>
<context>
    <name>FileChoice</name>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>{name} ({size})</source>
        <translation>{name} ({size})</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>The disk is full. Free some space and try again; nothing that was already saved is lost.</source>
        <translation>De schijf is vol. Maak ruimte vrij en probeer het opnieuw; wat al was opgeslagen, blijft bewaard.</translation>
    </message>
    <message>
        <source>Ouderportaal may not write in {folder}. Check the folder&apos;s permissions, or ask whoever manages this computer.</source>
        <translation>Ouderportaal mag niet schrijven in {folder}. Controleer de rechten van die map, of vraag het aan wie deze computer beheert.</translation>
    </message>
    <message>
        <source>The disk is read-only, so nothing can be saved in {folder}.</source>
        <translation>De schijf is alleen-lezen, dus er kan niets worden opgeslagen in {folder}.</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Het bestand kon niet worden geschreven: {reason}</translation>
    </message>
</context>
<context>
    <name>Finance</name>
    <message>
        <source>from {date}</source>
        <translation>vanaf {date}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Op deze computer</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>This rate is above the maximum hourly price for the childcare allowance (kinderopvangtoeslag); you pay the difference yourself.</source>
        <translation>Dit tarief ligt boven de maximum uurprijs voor de kinderopvangtoeslag; het verschil betaal je zelf.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Care type</source>
        <translation>Opvangsoort</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Uurtarief</translation>
    </message>
    <message>
        <source>Maximum for the allowance</source>
        <translation>Maximum voor de toeslag</translation>
    </message>
    <message>
        <source>{rate} (above maximum)</source>
        <translation>{rate} (boven maximum)</translation>
    </message>
</context>
<context>
    <name>FinanceNotices</name>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Finance</source>
        <translation>Financieel</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save all…</source>
        <translation>Alles opslaan…</translation>
    </message>
    <message>
        <source>Save every invoice, annual statement and contract to a folder. Keep them: the tax office may ask for them for at least 5 years.</source>
        <translation>Sla alle facturen, jaaropgaven en contracten op in een map. Bewaar ze: de Belastingdienst kan er minstens 5 jaar om vragen.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Facturen</translation>
    </message>
    <message>
        <source>Annual statements</source>
        <translation>Jaaropgaven</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracten</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarieven</translation>
    </message>
    <message>
        <source>New invoices, annual statements or contracts are being prepared. They appear here in a moment.</source>
        <translation>Nieuwe facturen, jaaropgaven of contracten worden klaargezet. Ze verschijnen hier zo.</translation>
    </message>
    <message>
        <source>There are no invoices, annual statements or contracts yet. The first invoice appears after your first month of care.</source>
        <translation>Er zijn nog geen facturen, jaaropgaven of contracten. De eerste factuur verschijnt na je eerste maand opvang.</translation>
    </message>
    <message>
        <source>Loading your invoices, annual statements and contracts…</source>
        <translation>Je facturen, jaaropgaven en contracten worden geladen…</translation>
    </message>
    <message>
        <source>Your invoices, annual statements and contracts have not been loaded yet. They appear as soon as the portal can be reached.</source>
        <translation>Je facturen, jaaropgaven en contracten zijn nog niet geladen. Ze verschijnen zodra het portaal bereikbaar is.</translation>
    </message>
    <message>
        <source>the first parent or carer</source>
        <translation>de eerste ouder/verzorger</translation>
    </message>
    <message>
        <source>Invoices, annual statements and contracts can only be seen by the person registered as the first parent or carer of your family: {name}.

Ask {name} to save or share them with you. Should you be the first parent or carer instead, contact your childcare organisation to change the registration.</source>
        <translation>Facturen, jaaropgaven en contracten kan alleen de persoon inzien die als eerste ouder/verzorger van je gezin geregistreerd staat: {name}.

Vraag {name} om ze op te slaan of met je te delen. Moet jij de eerste ouder/verzorger zijn, neem dan contact op met je kinderopvangorganisatie om de registratie te wijzigen.</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message>
        <source>Save all documents to…</source>
        <translation>Alle documenten opslaan in…</translation>
    </message>
    <message>
        <source>Saving documents…</source>
        <translation>Documenten opslaan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save all</source>
        <translation>Alles opslaan</translation>
    </message>
    <message>
        <source>Stopped: {saved} of {total} documents were saved in {folder}.</source>
        <translation>Gestopt: {saved} van {total} documenten zijn opgeslagen in {folder}.</translation>
    </message>
    <message>
        <source>{saved} of {total} documents were saved in {folder}.</source>
        <translation>{saved} van {total} documenten zijn opgeslagen in {folder}.</translation>
    </message>
    <message>
        <source>{count} documents are not on this computer yet; they will be downloaded when you are online.</source>
        <translation>{count} documenten staan nog niet op deze computer; ze worden gedownload zodra je online bent.</translation>
    </message>
</context>
<context>
    <name>FinanceSave</name>
    <message>
        <source>Invoice</source>
        <translation>Factuur</translation>
    </message>
    <message>
        <source>Annual statement</source>
        <translation>Jaaropgave</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
</context>
<context>
    <name>FinanceService</name>
    <message>
        <source>This document is not on this computer yet. Connect to the internet and try again.</source>
        <extracomment>Documents downloaded at the same time: enough to hide per-request latency, few enough not to crowd out the user&apos;s own requests. While the sync waits for disk space, look this often whether there is room again.</extracomment>
        <translation>Dit document staat nog niet op deze computer. Maak verbinding met internet en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>Je bent niet ingelogd.</translation>
    </message>
    <message>
        <source>Documents already on this computer can still be opened.</source>
        <translation>Documenten die al op deze computer staan, kun je nog steeds openen.</translation>
    </message>
    <message>
        <source>These documents arrived damaged twice and were not saved: {numbers}. Try again later; if it keeps happening, contact your childcare organisation.</source>
        <translation>Deze documenten kwamen twee keer beschadigd binnen en zijn niet opgeslagen: {numbers}. Probeer het later opnieuw; blijft het gebeuren, neem dan contact op met je kinderopvangorganisatie.</translation>
    </message>
</context>
<context>
    <name>FinanceSyncStatus</name>
    <message>
        <source>Downloading documents: {done} of {total}</source>
        <translation>Documenten downloaden: {done} van {total}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{first} to {last}</source>
        <extracomment>Every date the app shows, in both languages: day, month name, year (``12 April 2023``). One pattern rather than the locale&apos;s long format, which is US-style in US English. The same with the weekday (``Monday 12 April 2027``), also in the date fields.</extracomment>
        <translation>{first} t/m {last}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>vandaag {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>gisteren {time}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>not born yet</source>
        <translation>nog niet geboren</translation>
    </message>
    <message>
        <source>{years} and {months}</source>
        <translation>{years} en {months}</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 jaar</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} jaar</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 maand</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} maanden</translation>
    </message>
    <message>
        <source>Day care (KDV)</source>
        <translation>Dagopvang (KDV)</translation>
    </message>
    <message>
        <source>Out-of-school care (BSO)</source>
        <translation>Buitenschoolse opvang (BSO)</translation>
    </message>
    <message>
        <source>Pre-school playgroup</source>
        <translation>Peuteropvang</translation>
    </message>
    <message>
        <source>Childminder</source>
        <translation>Gastouderopvang</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>ochtend</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>middag</translation>
    </message>
    <message>
        <source>before school</source>
        <translation>voorschoolse opvang</translation>
    </message>
    <message>
        <source>after school</source>
        <translation>naschoolse opvang</translation>
    </message>
    <message>
        <source>holiday care</source>
        <translation>vakantieopvang</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>hele dag</translation>
    </message>
    <message>
        <source>ill</source>
        <translation>ziek</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>vakantie</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} uur</translation>
    </message>
</context>
<context>
    <name>GroupDay</name>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Gone home</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Afwezig</translation>
    </message>
    <message>
        <source>Not expected</source>
        <translation>Niet verwacht</translation>
    </message>
    <message>
        <source>{status} ({reason})</source>
        <translation>{status} ({reason})</translation>
    </message>
    <message>
        <source>{status}, absent: {parts}</source>
        <translation>{status}, afwezig: {parts}</translation>
    </message>
    <message>
        <source>Present: {n}</source>
        <translation>Aanwezig: {n}</translation>
    </message>
    <message>
        <source>{part}: {expected} expected, {capacity} places</source>
        <translation>{part}: {expected} verwacht, {capacity} plaatsen</translation>
    </message>
    <message>
        <source>Allergy: {text}</source>
        <translation>Allergie: {text}</translation>
    </message>
    <message>
        <source>Diet: {text}</source>
        <translation>Dieet: {text}</translation>
    </message>
    <message>
        <source>Medical: {text}</source>
        <translation>Medisch: {text}</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Day-parts</source>
        <translation>Dagdelen</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Gebracht</translation>
    </message>
    <message>
        <source>Went home</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <source>Care notes</source>
        <translation>Aandachtspunten</translation>
    </message>
</context>
<context>
    <name>GroupDayPage</name>
    <message>
        <source>Group today</source>
        <translation>Groep vandaag</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gisteren</translation>
    </message>
    <message>
        <source>Earlier day</source>
        <translation>Eerdere dag</translation>
    </message>
    <message>
        <source>Children of the group</source>
        <translation>Kinderen van de groep</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Gebracht</translation>
    </message>
    <message>
        <source>Went home</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Geschiedenis…</translation>
    </message>
    <message>
        <source>Who registered and corrected arrival and departure, and when</source>
        <translation>Wie brengen en halen registreerde of corrigeerde, en wanneer</translation>
    </message>
    <message>
        <source>Day report…</source>
        <translation>Dagverslag…</translation>
    </message>
    <message>
        <source>A</source>
        <comment>key: arrived</comment>
        <translation>G</translation>
    </message>
    <message>
        <source>W</source>
        <comment>key: went home</comment>
        <translation>O</translation>
    </message>
    <message>
        <source>Select a child and press {arrive} when it arrives and {depart} when it goes home; Enter opens its day report. Select several children to write for all of them at once.</source>
        <translation>Kies een kind en druk op {arrive} als het gebracht wordt en op {depart} als het wordt opgehaald; Enter opent het dagverslag. Kies meerdere kinderen om voor hen allemaal tegelijk te schrijven.</translation>
    </message>
    <message>
        <source>Not expected today</source>
        <translation>Vandaag niet verwacht</translation>
    </message>
    <message>
        <source>{name} is not expected today. Why is {name} here?</source>
        <translation>{name} wordt vandaag niet verwacht. Waarom is {name} er?</translation>
    </message>
    <message>
        <source>For example: swapped day, extra day agreed by phone</source>
        <translation>Bijvoorbeeld: geruilde dag, extra dag telefonisch afgesproken</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Register arrival</source>
        <translation>Brengen registreren</translation>
    </message>
</context>
<context>
    <name>KnownAccountsPanel</name>
    <message>
        <source>Log in again</source>
        <translation>Opnieuw inloggen</translation>
    </message>
    <message>
        <source>Accounts remembered on this computer:</source>
        <translation>Accounts die deze computer onthoudt:</translation>
    </message>
    <message>
        <source>Log in as {name} at {organisation}</source>
        <translation>Inloggen als {name} bij {organisation}</translation>
    </message>
    <message>
        <source>Forget {name} on this computer</source>
        <translation>{name} vergeten op deze computer</translation>
    </message>
</context>
<context>
    <name>LastSynced</name>
    <message>
        <source>Not updated yet</source>
        <translation>Nog niet bijgewerkt</translation>
    </message>
    <message>
        <source>Last updated: {moment}</source>
        <translation>Laatst bijgewerkt: {moment}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <source>waiting for a connection</source>
        <translation>wacht op verbinding</translation>
    </message>
    <message>
        <source>extra day</source>
        <translation>extra dag</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>aangevraagd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
</context>
<context>
    <name>LimitedText</name>
    <message>
        <source>{length} / {limit} characters: {over} too many</source>
        <translation>{length} / {limit} tekens: {over} te veel</translation>
    </message>
    <message>
        <source>{length} / {limit} characters</source>
        <translation>{length} / {limit} tekens</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The screen is locked</source>
        <translation>Het scherm is vergrendeld</translation>
    </message>
    <message>
        <source>Type your password to continue.</source>
        <translation>Typ je wachtwoord om verder te gaan.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Logged in as {name}
{email}</source>
        <translation>Ingelogd als {name}
{email}</translation>
    </message>
</context>
<context>
    <name>LoginSetup</name>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Vul de code uit je authenticator-app in.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Ouderportaal</source>
        <translation>Ouderportaal</translation>
    </message>
    <message>
        <source>Welcome! Log in to the parent portal of your childcare organisation.</source>
        <translation>Welkom! Log in op het ouderportaal van je kinderopvangorganisatie.</translation>
    </message>
    <message>
        <source>korein or korein.ouderportaal.nl</source>
        <translation>korein of korein.ouderportaal.nl</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>name@example.nl</source>
        <translation>naam@voorbeeld.nl</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mailadres</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Wachtwoord tonen</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>Ont&amp;houd mij</translation>
    </message>
    <message>
        <source>Stay logged in on this computer until you log out. Staff accounts are never remembered.</source>
        <translation>Blijf op deze computer ingelogd tot je uitlogt. Medewerkersaccounts worden nooit onthouden.</translation>
    </message>
    <message>
        <source>This is a shared computer: nothing is remembered after you log out.</source>
        <translation>Dit is een gedeelde computer: na het uitloggen wordt niets onthouden.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Wachtwoord vergeten?</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>&amp;E-mailadres</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Forget account</source>
        <translation>Account vergeten</translation>
    </message>
    <message>
        <source>Forget {name} on this computer? The login and the data saved for offline use are removed from this computer. The account itself stays.</source>
        <translation>{name} vergeten op deze computer? De login en de gegevens die voor offline gebruik zijn bewaard, worden van deze computer verwijderd. Het account zelf blijft bestaan.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergeten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>Wachtwoord verbergen</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Bezig met inloggen…</translation>
    </message>
    <message>
        <source>Looking up the organisation…</source>
        <translation>Organisatie opzoeken…</translation>
    </message>
    <message>
        <source>✓ {name}</source>
        <translation>✓ {name}</translation>
    </message>
    <message>
        <source>Your password has been set. Log in with your new password.</source>
        <translation>Je wachtwoord is ingesteld. Log in met je nieuwe wachtwoord.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <extracomment>Ctrl+1 … Ctrl+9 open the sections this account sees, in table order. The navigation&apos;s width unless a title this account sees needs more.</extracomment>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Switch account…</source>
        <translation>Ander &amp;account…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>User menu of {name}</source>
        <translation>Gebruikersmenu van {name}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>A newer version of Ouderportaal ({version}) is available.</source>
        <translation>Er is een nieuwere versie van Ouderportaal ({version}) beschikbaar.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Downloaden</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close this message</source>
        <extracomment>The icon of each tone (never colour alone: the icon says it too). ``section`` of :meth:`MessageBar.show_message`: the section on screen when it is shown.</extracomment>
        <translation>Dit bericht sluiten</translation>
    </message>
</context>
<context>
    <name>MessageCourier</name>
    <message>
        <source>The attachment {name} could not be read back from this computer&apos;s disk. Remove the message and write it again.</source>
        <extracomment>The outbox kind of a message.</extracomment>
        <translation>De bijlage {name} kon niet meer van de schijf van deze computer worden gelezen. Verwijder het bericht en schrijf het opnieuw.</translation>
    </message>
    <message>
        <source>These messages were waiting on this computer but could not be read back from its disk, so they were not sent: {messages}. Please write them again.</source>
        <translation>Deze berichten stonden op deze computer klaar om te versturen, maar konden niet meer van de schijf worden gelezen en zijn dus niet verstuurd: {messages}. Schrijf ze opnieuw.</translation>
    </message>
    <message>
        <source>a message written on {moment}</source>
        <translation>een bericht van {moment}</translation>
    </message>
    <message>
        <source>a message of unknown date</source>
        <translation>een bericht van onbekende datum</translation>
    </message>
</context>
<context>
    <name>MessagesNotices</name>
    <message>
        <source>No live connection: messages and news are checked every few minutes.</source>
        <translation>Geen live verbinding: berichten en nieuws worden om de paar minuten opgehaald.</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Messages</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>Nieuw bericht…</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Gesprek sluiten</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Messages in this conversation</source>
        <translation>Berichten in dit gesprek</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.</source>
        <translation>Kies links een gesprek.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Berichten worden geladen…</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Nog geen berichten.</translation>
    </message>
    <message>
        <source>No messages yet. With &quot;New message&quot; you write to the staff of your child&apos;s group.</source>
        <translation>Nog geen berichten. Met &quot;Nieuw bericht&quot; schrijf je de pedagogisch medewerkers van de groep van je kind.</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>closed (a new message opens it again)</source>
        <translation>gesloten (een nieuw bericht opent het weer)</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} openen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Remove this message</source>
        <translation>Dit bericht verwijderen</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
</context>
<context>
    <name>MonthListModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Dagdeel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>School holiday</source>
        <translation>Schoolvakantie</translation>
    </message>
    <message>
        <source>closed: {reason}</source>
        <translation>gesloten: {reason}</translation>
    </message>
    <message>
        <source>no care planned</source>
        <translation>geen opvang gepland</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <source>am</source>
        <translation>ocht.</translation>
    </message>
    <message>
        <source>pm</source>
        <translation>midd.</translation>
    </message>
    <message>
        <source>BSC</source>
        <translation>VSO</translation>
    </message>
    <message>
        <source>ASC</source>
        <translation>NSO</translation>
    </message>
    <message>
        <source>hol.</source>
        <translation>vak.</translation>
    </message>
    <message>
        <source>closed: {reason}</source>
        <translation>gesloten: {reason}</translation>
    </message>
    <message>
        <source>no care planned</source>
        <translation>geen opvang gepland</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>absence waiting for a connection</source>
        <translation>afmelding wacht op verbinding</translation>
    </message>
    <message>
        <source>extra day requested, not decided yet</source>
        <translation>extra dag aangevraagd, nog geen besluit</translation>
    </message>
    <message>
        <source>extra day approved</source>
        <translation>extra dag goedgekeurd</translation>
    </message>
    <message>
        <source>extra day rejected</source>
        <translation>extra dag afgewezen</translation>
    </message>
    <message>
        <source>absent: {reason}</source>
        <translation>afgemeld: {reason}</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>New message</source>
        <translation>Nieuw bericht</translation>
    </message>
    <message>
        <source>Child and group</source>
        <translation>Kind en groep</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>What would you like to tell the group?</source>
        <translation>Wat wil je de groep laten weten?</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>&amp;Child and group</source>
        <translation>&amp;Kind en groep</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Onderwerp</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
</context>
<context>
    <name>NewsModel</name>
    <message>
        <source>unread</source>
        <translation>ongelezen</translation>
    </message>
    <message>
        <source>planned for {day} {time}</source>
        <translation>gepland voor {day} {time}</translation>
    </message>
</context>
<context>
    <name>NewsPage</name>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>New news item…</source>
        <translation>Nieuw nieuwsbericht…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Loading the news…</source>
        <translation>Het nieuws wordt geladen…</translation>
    </message>
    <message>
        <source>There is no news yet.</source>
        <translation>Er is nog geen nieuws.</translation>
    </message>
    <message>
        <source>Attachment: {name} ({size})</source>
        <translation>Bijlage: {name} ({size})</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} openen</translation>
    </message>
    <message>
        <source>Save {name}</source>
        <translation>{name} opslaan</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
    <message>
        <source>The picture could not be loaded: {reason}</source>
        <translation>De afbeelding kon niet geladen worden: {reason}</translation>
    </message>
</context>
<context>
    <name>NewsReader</name>
    <message>
        <source>The chosen news item</source>
        <extracomment>The one resource the reader shows: an item&apos;s picture, downloaded through the API (one address per picture: the document keeps what it loaded under its address). Room kept free beside the picture (the document&apos;s margins and the scroll bar).</extracomment>
        <translation>Het gekozen nieuwsbericht</translation>
    </message>
    <message>
        <source>The picture could not be shown.</source>
        <translation>De afbeelding kan niet getoond worden.</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>De afbeelding wordt geladen…</translation>
    </message>
</context>
<context>
    <name>NotificationPreferences</name>
    <message>
        <source>Your notification choices could not be saved: {reason} They count on this computer and are saved as soon as the portal can be reached.</source>
        <translation>Je keuzes voor meldingen zijn niet opgeslagen: {reason} Ze gelden al op deze computer en worden opgeslagen zodra het portaal weer bereikbaar is.</translation>
    </message>
    <message>
        <source>Your notification choices could not be saved: {reason}</source>
        <translation>Je keuzes voor meldingen zijn niet opgeslagen: {reason}</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Ouderportaal</source>
        <translation>Ouderportaal</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nieuw bericht</translation>
    </message>
    <message>
        <source>Message from {name}</source>
        <translation>Bericht van {name}</translation>
    </message>
    <message>
        <source>News from {name}</source>
        <translation>Nieuws van {name}</translation>
    </message>
    <message>
        <source>New in the diary</source>
        <translation>Nieuw in het dagboek</translation>
    </message>
    <message>
        <source>New photos</source>
        <translation>Nieuwe foto&apos;s</translation>
    </message>
    <message>
        <source>Diary of {child}</source>
        <translation>Dagboek van {child}</translation>
    </message>
    <message>
        <source>1 new photo: {activity}</source>
        <translation>1 nieuwe foto: {activity}</translation>
    </message>
    <message>
        <source>{count} new photos: {activity}</source>
        <translation>{count} nieuwe foto&apos;s: {activity}</translation>
    </message>
    <message>
        <source>Extra day partly approved</source>
        <translation>Extra dag deels goedgekeurd</translation>
    </message>
    <message>
        <source>Extra day approved</source>
        <translation>Extra dag goedgekeurd</translation>
    </message>
    <message>
        <source>Extra day rejected</source>
        <translation>Extra dag afgewezen</translation>
    </message>
    <message>
        <source>{child}, {dates}</source>
        <translation>{child}, {dates}</translation>
    </message>
    <message>
        <source>{what} (by {name})</source>
        <translation>{what} (door {name})</translation>
    </message>
    <message>
        <source>Ouderportaal: nothing unread</source>
        <translation>Ouderportaal: niets ongelezen</translation>
    </message>
    <message>
        <source>unread messages: {count}</source>
        <translation>ongelezen berichten: {count}</translation>
    </message>
    <message>
        <source>unread news: {count}</source>
        <translation>ongelezen nieuws: {count}</translation>
    </message>
    <message>
        <source>Ouderportaal: {counts}</source>
        <translation>Ouderportaal: {counts}</translation>
    </message>
</context>
<context>
    <name>NotificationsPanel</name>
    <message>
        <source>New messages</source>
        <translation>Nieuwe berichten</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>Decisions on your requests</source>
        <translation>Besluiten over je aanvragen</translation>
    </message>
    <message>
        <source>New in the diary</source>
        <translation>Nieuw in het dagboek</translation>
    </message>
    <message>
        <source>New photos</source>
        <translation>Nieuwe foto&apos;s</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Show a notification on this computer for:</source>
        <translation>Laat op deze computer een melding zien bij:</translation>
    </message>
    <message>
        <source>Loading your notification choices…</source>
        <translation>Je keuzes voor meldingen worden geladen…</translation>
    </message>
    <message>
        <source>E-mail me when a message has stayed unread for a while</source>
        <translation>Mail me als een bericht een tijdje ongelezen blijft</translation>
    </message>
    <message>
        <source>Include the message itself in that e-mail</source>
        <translation>Zet het bericht zelf in die mail</translation>
    </message>
    <message>
        <source>Without it the e-mail only says who wrote about which child; you read the message in the app.</source>
        <translation>Zonder dit staat in de mail alleen wie er over welk kind schreef; het bericht lees je in de app.</translation>
    </message>
    <message>
        <source>Your notification choices could not be loaded.</source>
        <translation>Je keuzes voor meldingen konden niet worden geladen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>OfflineCopies</name>
    <message>
        <source>Not all data of the previous session could be removed from this computer yet: a file is still open in another program. Close that program; the data is removed as soon as possible, at the next start at the latest.</source>
        <translation>Nog niet alle gegevens van de vorige sessie konden van deze computer worden verwijderd: een bestand is nog geopend in een ander programma. Sluit dat programma; de gegevens worden zo snel mogelijk verwijderd, uiterlijk bij de volgende start.</translation>
    </message>
</context>
<context>
    <name>OutboxDelivery</name>
    <message>
        <source>Part of what was waiting on this computer to be sent could not be read back from its disk. Check on the portal that your recent reports arrived.</source>
        <extracomment>While writes wait, try again this often. Failures after which a write waits for the next attempt: the portal may not have it, and the same key makes a second delivery safe.</extracomment>
        <translation>Een deel van wat op deze computer klaarstond om te versturen, kon niet meer van de schijf worden gelezen. Kijk in het portaal of je recente afmeldingen zijn aangekomen.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Save everything…</source>
        <translation>Alles opslaan…</translation>
    </message>
    <message>
        <source>Save your documents, the diary and every photo into one folder. Saving again adds only what is not there yet.</source>
        <translation>Sla je documenten, het dagboek en alle foto&apos;s op in één map. Opnieuw opslaan voegt alleen toe wat er nog niet staat.</translation>
    </message>
    <message>
        <source>Your children</source>
        <translation>Je kinderen</translation>
    </message>
    <message>
        <source>Your groups</source>
        <translation>Je groepen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <source>Your details have not been loaded yet. They appear here as soon as the portal can be reached.</source>
        <translation>Je gegevens zijn nog niet geladen. Ze verschijnen hier zodra het portaal bereikbaar is.</translation>
    </message>
    <message>
        <source>Hello {name}</source>
        <translation>Hallo {name}</translation>
    </message>
    <message>
        <source>No children are linked to your account yet. If that is not right, please contact your location.</source>
        <translation>Er zijn nog geen kinderen aan je account gekoppeld. Klopt dat niet? Neem dan contact op met je locatie.</translation>
    </message>
    <message>
        <source>You are not linked to a group yet. Ask your location manager to add you to your group.</source>
        <translation>Je bent nog niet aan een groep gekoppeld. Vraag je locatiemanager om je aan je groep toe te voegen.</translation>
    </message>
    <message>
        <source>Access to the portal ends on {date} — save your documents before then.</source>
        <translation>Je toegang tot het portaal stopt op {date} — bewaar je documenten vóór die datum.</translation>
    </message>
    <message>
        <source>Only until {date}: after that your documents and this account are no longer available. Save them now.</source>
        <translation>Nog tot en met {date}: daarna zijn je documenten en dit account niet meer beschikbaar. Sla ze nu op.</translation>
    </message>
    <message>
        <source>The diary and the photos are no longer available. Your documents stay available until {date}. Do not forget to save them.</source>
        <translation>Het dagboek en de foto&apos;s zijn niet meer beschikbaar. Je documenten blijven beschikbaar tot en met {date}. Vergeet ze niet op te slaan.</translation>
    </message>
    <message>
        <source>Only until {photos}: after that the diary and the photos are no longer available. Save them now. Your documents stay available until {documents}.</source>
        <translation>Nog tot en met {photos}: daarna zijn het dagboek en de foto&apos;s niet meer beschikbaar. Sla ze nu op. Je documenten blijven beschikbaar tot en met {documents}.</translation>
    </message>
    <message>
        <source>Your childcare has ended. The diary and the photos stay available until {photos}, your documents until {documents}. Do not forget to save them.</source>
        <translation>De opvang is beëindigd. Het dagboek en de foto&apos;s blijven beschikbaar tot en met {photos}, je documenten tot en met {documents}. Vergeet ze niet op te slaan.</translation>
    </message>
    <message>
        <source>Save everything to…</source>
        <translation>Alles opslaan in…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save everything</source>
        <translation>Alles opslaan</translation>
    </message>
    <message>
        <source>Saving: {done} of {total}…</source>
        <translation>Opslaan: {done} van {total}…</translation>
    </message>
    <message>
        <source>Saved: {documents} documents, {diaries} diary PDFs, {photos} photos.</source>
        <translation>Opgeslagen: {documents} documenten, {diaries} dagboek-pdf&apos;s, {photos} foto&apos;s.</translation>
    </message>
</context>
<context>
    <name>OwnEntriesDialog</name>
    <message>
        <source>Change my entries: {day}</source>
        <translation>Mijn invoer wijzigen: {day}</translation>
    </message>
    <message>
        <source>Your entries of this day</source>
        <translation>Jouw invoer van deze dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Save change</source>
        <translation>Wijziging opslaan</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Bezig met verwijderen…</translation>
    </message>
    <message>
        <source>You have written nothing on this day.</source>
        <translation>Je hebt op deze dag niets geschreven.</translation>
    </message>
    <message>
        <source>The entry was deleted.</source>
        <translation>Verwijderd.</translation>
    </message>
    <message>
        <source>The change was saved; it shows as edited.</source>
        <translation>De wijziging is opgeslagen; ze staat erbij als bewerkt.</translation>
    </message>
</context>
<context>
    <name>PartialApprovalDialog</name>
    <message>
        <source>Approve part of the request for {child}</source>
        <translation>Aanvraag van {child} deels goedkeuren</translation>
    </message>
    <message>
        <source>Tick the day-parts to approve. The others are rejected with the reason below, which the parents read.</source>
        <translation>Vink de dagdelen aan die je goedkeurt. De andere worden afgewezen met de reden hieronder, die de ouders lezen.</translation>
    </message>
    <message>
        <source>For example: the group is full on the other days.</source>
        <translation>Bijvoorbeeld: op de andere dagen is de groep vol.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Approve {count} and reject the rest</source>
        <translation>{count} goedkeuren, de rest afwijzen</translation>
    </message>
</context>
<context>
    <name>PasswordResetService</name>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Vul je e-mailadres in.</translation>
    </message>
    <message>
        <source>Enter your e-mail address and the code from the e-mail.</source>
        <translation>Vul je e-mailadres en de code uit de e-mail in.</translation>
    </message>
</context>
<context>
    <name>PasswordResetWizard</name>
    <message>
        <source>Set a new password</source>
        <translation>Nieuw wachtwoord instellen</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Pay with absence credit (oldest credit first), on the invoice, or both. The cost is worked out by the portal.</source>
        <translation>Betaal met afwezigheidstegoed (oudste tegoed eerst), op de factuur, of allebei. Het portaal berekent de kosten.</translation>
    </message>
    <message>
        <source>Absence credit first, the rest on the invoice</source>
        <translation>Eerst afwezigheidstegoed, de rest op de factuur</translation>
    </message>
    <message>
        <source>Only absence credit</source>
        <translation>Alleen afwezigheidstegoed</translation>
    </message>
    <message>
        <source>On the invoice</source>
        <translation>Op de factuur</translation>
    </message>
    <message>
        <source>Working out the absence credit for these days…</source>
        <translation>Afwezigheidstegoed voor deze dagen berekenen…</translation>
    </message>
    <message>
        <source>Only absence credit is not possible: there is not enough credit for these days ({names}).</source>
        <translation>Alleen afwezigheidstegoed kan niet: er is niet genoeg tegoed voor deze dagen ({names}).</translation>
    </message>
    <message>
        <source>Working out the cost…</source>
        <translation>De kosten worden berekend…</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Previous page</source>
        <translation>Vorige pagina</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Volgende pagina</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Paginabreedte</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>Open with the system&apos;s PDF viewer</source>
        <translation>Openen met de pdf-lezer van het systeem</translation>
    </message>
    <message>
        <source>Open with…</source>
        <translation>Openen met…</translation>
    </message>
    <message>
        <source>This document could not be shown. Try “Open with…” to use another PDF program, or “Save as…” to keep the file.</source>
        <translation>Dit document kan niet worden getoond. Probeer “Openen met…” om een ander pdf-programma te gebruiken, of “Opslaan als…” om het bestand te bewaren.</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>van {count}</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>Document opslaan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Pdf-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Saved as {path}. {open_folder}</source>
        <translation>Opgeslagen als {path}. {open_folder}</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Niet afgedrukt</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>De printer kon niet worden gestart.</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>Niet geopend</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>Geen pdf-lezer</translation>
    </message>
    <message>
        <source>This computer has no program for PDF files. Use “Save as…” and open the file with a program of your choice.</source>
        <translation>Deze computer heeft geen programma voor pdf-bestanden. Gebruik ‘Opslaan als…’ en open het bestand met een programma naar keuze.</translation>
    </message>
</context>
<context>
    <name>PendingRequests</name>
    <message>
        <source>{hours} credit</source>
        <translation>{hours} tegoed</translation>
    </message>
    <message>
        <source>{amount} invoice</source>
        <translation>{amount} factuur</translation>
    </message>
    <message>
        <source> + </source>
        <translation> + </translation>
    </message>
    <message>
        <source>{when}: {free} of {capacity} places free</source>
        <translation>{when}: {free} van {capacity} plaatsen vrij</translation>
    </message>
    <message>
        <source>{when}: full ({occupied} of {capacity} places taken)</source>
        <translation>{when}: vol ({occupied} van {capacity} plaatsen bezet)</translation>
    </message>
    <message>
        <source>; {asked} more asked for</source>
        <translation>; nog {asked} aangevraagd</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Dagdeel</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Approved ({name}, {time})</source>
        <translation>Goedgekeurd ({name}, {time})</translation>
    </message>
    <message>
        <source>Rejected ({name}, {time})</source>
        <translation>Afgewezen ({name}, {time})</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>The rest was rejected: {reason}</source>
        <translation>De rest is afgewezen: {reason}</translation>
    </message>
</context>
<context>
    <name>PendingRequestsPage</name>
    <message>
        <source>Extra-day requests</source>
        <extracomment>How often the page looks for new requests while it is shown (until live updates exist).</extracomment>
        <translation>Aanvragen extra dagen</translation>
    </message>
    <message>
        <source>Requests for extra care in your groups. Approve when there is a place; reject with a reason the parents read.</source>
        <translation>Aanvragen voor extra opvang in je groepen. Keur goed als er plaats is; wijs af met een reden die de ouders lezen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Requests waiting for a decision</source>
        <translation>Aanvragen die op een besluit wachten</translation>
    </message>
    <message>
        <source>Decided today</source>
        <translation>Vandaag besloten</translation>
    </message>
    <message>
        <source>Requests decided today</source>
        <translation>Aanvragen waarover vandaag is besloten</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Approve what fits…</source>
        <translation>Goedkeuren wat past…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <source>Loading the requests…</source>
        <translation>De aanvragen worden geladen…</translation>
    </message>
    <message>
        <source>Choose a request to see the free places and decide.</source>
        <translation>Kies een aanvraag om de vrije plaatsen te zien en te beslissen.</translation>
    </message>
    <message>
        <source>No requests are waiting for a decision.</source>
        <translation>Er wachten geen aanvragen op een besluit.</translation>
    </message>
    <message>
        <source>The free places could not be looked up. {reason}</source>
        <translation>De vrije plaatsen konden niet worden opgezocht. {reason}</translation>
    </message>
    <message>
        <source>The requests could not be loaded. {reason}</source>
        <translation>De aanvragen konden niet worden geladen. {reason}</translation>
    </message>
    <message>
        <source>Looking up the free places…</source>
        <translation>De vrije plaatsen worden opgezocht…</translation>
    </message>
    <message>
        <source>Group {name}</source>
        <translation>Groep {name}</translation>
    </message>
    <message>
        <source>Cost: {split}</source>
        <translation>Kosten: {split}</translation>
    </message>
    <message>
        <source>Not every requested day-part has a place: approve what fits and reject the rest, or reject the whole request.</source>
        <translation>Niet op elk aangevraagd dagdeel is plaats: keur goed wat past en wijs de rest af, of wijs de hele aanvraag af.</translation>
    </message>
    <message>
        <source>There is no place on any requested day-part: reject the request, or make room first.</source>
        <translation>Op geen enkel aangevraagd dagdeel is plaats: wijs de aanvraag af, of maak eerst ruimte.</translation>
    </message>
    <message>
        <source>Requested by {name}.</source>
        <translation>Aangevraagd door {name}.</translation>
    </message>
    <message>
        <source>Note from the parent: {note}</source>
        <translation>Opmerking van de ouder: {note}</translation>
    </message>
    <message>
        <source>Approved in part: {child}, {dates}. The other day-parts were rejected; the parents see your reason.</source>
        <translation>Deels goedgekeurd: {child}, {dates}. De andere dagdelen zijn afgewezen; de ouders zien je reden.</translation>
    </message>
    <message>
        <source>Approved: {child}, {dates}.</source>
        <translation>Goedgekeurd: {child}, {dates}.</translation>
    </message>
    <message>
        <source>Rejected: {child}, {dates}. The parents see your reason.</source>
        <translation>Afgewezen: {child}, {dates}. De ouders zien je reden.</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>The last day is before the first day.</source>
        <translation>De laatste dag ligt vóór de eerste dag.</translation>
    </message>
    <message>
        <source>A period can be at most {n} days.</source>
        <translation>Een periode kan hooguit {n} dagen zijn.</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Toevoeging</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Tenaamstelling</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Automatische incasso</translation>
    </message>
    <message>
        <source>GP (huisarts)</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>GP&apos;s phone</source>
        <translation>Telefoon huisarts</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Dieet</translation>
    </message>
    <message>
        <source>Medical notes</source>
        <translation>Medische bijzonderheden</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Tweede telefoonnummer</translation>
    </message>
    <message>
        <source>E-mail for notifications</source>
        <translation>E-mailadres voor meldingen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Address of {name}</source>
        <translation>Adres van {name}</translation>
    </message>
    <message>
        <source>Bank account of {name}</source>
        <translation>Bankrekening van {name}</translation>
    </message>
    <message>
        <source>Medical details of {name}</source>
        <translation>Medische gegevens van {name}</translation>
    </message>
    <message>
        <source>Emergency contacts of {name}</source>
        <translation>Contactpersonen bij nood van {name}</translation>
    </message>
    <message>
        <source>Who may collect {name}</source>
        <translation>Wie {name} mag ophalen</translation>
    </message>
</context>
<context>
    <name>PersonalDataPage</name>
    <message>
        <source>Personal details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Your phone numbers and e-mail change at once. A new address, bank account, medical details and who may collect your child go to the location first: until it approves, the change shows as pending.</source>
        <translation>Je telefoonnummers en e-mailadres wijzig je meteen. Een nieuw adres, een andere bankrekening, medische gegevens en wie je kind mag ophalen gaan eerst naar de locatie: tot die het goedkeurt, staat de wijziging hier als in behandeling.</translation>
    </message>
    <message>
        <source>Loading your details…</source>
        <translation>Je gegevens worden geladen…</translation>
    </message>
    <message>
        <source>Propose the change</source>
        <translation>Wijziging aanvragen</translation>
    </message>
    <message>
        <source>Your phone numbers and e-mail</source>
        <translation>Je telefoonnummers en e-mailadres</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Address of {name}</source>
        <translation>Adres van {name}</translation>
    </message>
    <message>
        <source>Bank account for the direct debit</source>
        <translation>Bankrekening voor de automatische incasso</translation>
    </message>
    <message>
        <source>Health of {name}</source>
        <translation>Gezondheid van {name}</translation>
    </message>
    <message>
        <source>Emergency contacts of {name}</source>
        <translation>Contactpersonen bij nood van {name}</translation>
    </message>
    <message>
        <source>Who may collect {name}</source>
        <translation>Wie {name} mag ophalen</translation>
    </message>
    <message>
        <source>Now {iban}; type the new account in full</source>
        <translation>Nu {iban}; typ de nieuwe rekening volledig in</translation>
    </message>
    <message>
        <source>Your phone numbers and e-mail are saved.</source>
        <translation>Je telefoonnummers en e-mailadres zijn opgeslagen.</translation>
    </message>
    <message>
        <source>Your change is with the location. You see it here as pending until it is approved.</source>
        <translation>Je wijziging ligt bij de locatie. Tot die is goedgekeurd, zie je hem hier als in behandeling.</translation>
    </message>
    <message>
        <source>Your details could not be loaded.</source>
        <translation>Je gegevens konden niet worden geladen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <source>Not on this computer</source>
        <extracomment>The heart&apos;s red, on the thumbnails and the viewer. The thumbnails&apos; box and the grid&apos;s cell around it.</extracomment>
        <translation>Niet op deze computer</translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <source>{activity}, {date}</source>
        <extracomment>Rows added per ``fetchMore``: a few screens full. The cells painted within this many milliseconds have their thumbnails decoded together (those still on screen then: see ``_dispatch``). A heading row&apos;s :class:`Heading` (None on a photo&apos;s row) &quot;loading&quot;, &quot;ready&quot; or &quot;missing&quot; (not on this computer and cannot be fetched now)</extracomment>
        <translation>{activity}, {date}</translation>
    </message>
    <message>
        <source>Photo {n} of {count}, {activity}</source>
        <translation>Foto {n} van {count}, {activity}</translation>
    </message>
    <message>
        <source>, with your heart</source>
        <translation>, met je hartje</translation>
    </message>
    <message>
        <source>, hearts: {n}</source>
        <translation>, hartjes: {n}</translation>
    </message>
</context>
<context>
    <name>PhotoPostingService</name>
    <message>
        <source>This file cannot be read: {reason}</source>
        <extracomment>the portal refused this file (its type, size, pixels, a damaged file, a tag) it did not arrive (offline, the portal failing): retry with the same key</extracomment>
        <translation>Dit bestand kan niet gelezen worden: {reason}</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Previous photo</source>
        <translation>Vorige foto</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Volgende foto</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Passend in venster</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Ware grootte</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Slideshow</source>
        <translation>Diavoorstelling</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Heart (H)</source>
        <translation>Hartje (H)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Hearts from parents: {n}</source>
        <translation>Hartjes van ouders: {n}</translation>
    </message>
    <message>
        <source>Remove heart (H)</source>
        <translation>Hartje weghalen (H)</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>Deze foto kan niet getoond worden.</translation>
    </message>
    <message>
        <source>This photo is not on this computer. It appears when the portal can be reached.</source>
        <translation>Deze foto staat niet op deze computer. Hij verschijnt zodra het ouderportaal bereikbaar is.</translation>
    </message>
    <message>
        <source>Save photo</source>
        <translation>Foto opslaan</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foto&apos;s (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Saved as {name}.</source>
        <translation>Opgeslagen als {name}.</translation>
    </message>
</context>
<context>
    <name>PhotosNotices</name>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Child:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Save all photos…</source>
        <translation>Alle foto&apos;s opslaan…</translation>
    </message>
    <message>
        <source>Save every photo shown (of the chosen child, or of all children) to a folder. Running it again adds only what is not there yet.</source>
        <translation>Sla elke getoonde foto (van het gekozen kind, of van alle kinderen) op in een map. Doe je dit nog een keer, dan komt alleen wat er nog niet staat erbij.</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Alle kinderen</translation>
    </message>
    <message>
        <source>Your photos have not been loaded yet. They appear as soon as the portal can be reached.</source>
        <translation>Je foto&apos;s zijn nog niet geladen. Ze verschijnen zodra het ouderportaal bereikbaar is.</translation>
    </message>
    <message>
        <source>There are no photos of your children yet.</source>
        <translation>Er zijn nog geen foto&apos;s van je kinderen.</translation>
    </message>
    <message>
        <source>The photos stay available until {date}. Do not forget to save them.</source>
        <translation>De foto&apos;s blijven beschikbaar tot en met {date}. Vergeet ze niet op te slaan.</translation>
    </message>
    <message>
        <source>Photos not on this computer: {n}. They appear when the portal can be reached.</source>
        <translation>Foto&apos;s die niet op deze computer staan: {n}. Ze verschijnen zodra het ouderportaal bereikbaar is.</translation>
    </message>
    <message>
        <source>Save all photos to…</source>
        <translation>Alle foto&apos;s opslaan in…</translation>
    </message>
    <message>
        <source>Saving photos…</source>
        <translation>Foto&apos;s opslaan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save all photos</source>
        <translation>Alle foto&apos;s opslaan</translation>
    </message>
    <message>
        <source>Saving photos: {done} of {total}…</source>
        <translation>Foto&apos;s opslaan: {done} van {total}…</translation>
    </message>
    <message>
        <source>Saved: {n} photos.</source>
        <translation>Opgeslagen: {n} foto&apos;s.</translation>
    </message>
</context>
<context>
    <name>PhotosService</name>
    <message>
        <source>Photos already on this computer can still be viewed.</source>
        <extracomment>Thumbnails fetched at the same time. QSettings key of the offline budget in megabytes (thumbnails and screen copies). How long after the last ``photos`` event the listing is synced (a batch upload is one sync).</extracomment>
        <translation>Foto&apos;s die al op deze computer staan, kun je nog steeds bekijken.</translation>
    </message>
    <message>
        <source>The photo arrived damaged twice and was not saved. Try again later.</source>
        <translation>De foto kwam twee keer beschadigd binnen en is niet opgeslagen. Probeer het later opnieuw.</translation>
    </message>
</context>
<context>
    <name>ProfileService</name>
    <message>
        <source>There is no saved data for this account yet.</source>
        <extracomment>While online the profile is fetched again every 5 minutes ... ... and after a failure (offline, the portal failing) every 30 seconds, so the app notices quickly when it is back.</extracomment>
        <translation>Er zijn nog geen opgeslagen gegevens voor dit account.</translation>
    </message>
    <message>
        <source>You are seeing the data saved on this computer.</source>
        <translation>Je ziet de gegevens die op deze computer zijn opgeslagen.</translation>
    </message>
</context>
<context>
    <name>PublishNewsDialog</name>
    <message>
        <source>New news item</source>
        <translation>Nieuw nieuwsbericht</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Vet</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Vet (Ctrl+B)</translation>
    </message>
    <message>
        <source>Web or e-mail address of the link</source>
        <translation>Web- of e-mailadres van de link</translation>
    </message>
    <message>
        <source>www.example.nl or name@example.nl</source>
        <translation>www.voorbeeld.nl of naam@voorbeeld.nl</translation>
    </message>
    <message>
        <source>Make link</source>
        <translation>Maak link</translation>
    </message>
    <message>
        <source>Makes the selected text a link to this address (without a selection, the address itself is inserted)</source>
        <translation>Maakt van de gekozen tekst een link naar dit adres (zonder gekozen tekst wordt het adres zelf ingevoegd)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>What would you like to tell? Enter starts a new paragraph.</source>
        <translation>Wat wilt u vertellen? Enter begint een nieuwe alinea.</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Kies een afbeelding</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.heif)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png *.heic *.heif)</translation>
    </message>
    <message>
        <source>Choose an attachment</source>
        <translation>Kies een bijlage</translation>
    </message>
    <message>
        <source>PDF files and pictures (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>PDF-bestanden en foto&apos;s (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <source>Loading whom you can write for…</source>
        <translation>Ophalen voor wie u kunt schrijven…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Later, on</source>
        <translation>Later, op</translation>
    </message>
    <message>
        <source>Publication day</source>
        <translation>Publicatiedag</translation>
    </message>
    <message>
        <source>Publication time</source>
        <translation>Publicatietijd</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publiceren</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;kst</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bijlage</translation>
    </message>
    <message>
        <source>&amp;For whom</source>
        <translation>&amp;Voor wie</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>The whole organisation: {name}</source>
        <translation>De hele organisatie: {name}</translation>
    </message>
    <message>
        <source>Location {name}</source>
        <translation>Locatie {name}</translation>
    </message>
    <message>
        <source>Group {name}</source>
        <translation>Groep {name}</translation>
    </message>
    <message>
        <source>You cannot publish news for any group or location.</source>
        <translation>U kunt voor geen enkele groep of locatie nieuws publiceren.</translation>
    </message>
    <message>
        <source>Give the news item a title.</source>
        <translation>Geef het nieuwsbericht een titel.</translation>
    </message>
    <message>
        <source>Write the text of the news item.</source>
        <translation>Schrijf de tekst van het nieuwsbericht.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>De tekst is te lang.</translation>
    </message>
    <message>
        <source>Choose for whom this news is.</source>
        <translation>Kies voor wie dit nieuws is.</translation>
    </message>
    <message>
        <source>Choose a moment in the future, or publish now.</source>
        <translation>Kies een moment in de toekomst, of publiceer nu.</translation>
    </message>
    <message>
        <source>Give a title of at most {n} characters.</source>
        <translation>Geef een titel van hoogstens {n} tekens.</translation>
    </message>
    <message>
        <source>The portal kept nothing of this text, or it is too long.</source>
        <translation>Het portaal hield niets van deze tekst over, of hij is te lang.</translation>
    </message>
    <message>
        <source>Choose a valid moment of publication.</source>
        <translation>Kies een geldig moment van publicatie.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Bezig met publiceren…</translation>
    </message>
    <message>
        <source>A link needs a web address (www.example.nl) or an e-mail address.</source>
        <translation>Een link heeft een webadres (www.voorbeeld.nl) of een e-mailadres nodig.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own strings that Qt&apos;s Dutch catalogue (``qtbase_nl``) does not have: newer Qt versions reworded them (&quot;Look in:&quot; became &quot;&amp;Look in:&quot;), so the standard file and print dialogs were half English. They are translated in our catalogue, which Qt asks when its own has no answer.</extracomment>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Afdruk&amp;bereik:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Binden aan de lange zijde</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Binden aan de korte zijde</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>QR-code voor je authenticator-app</translation>
    </message>
</context>
<context>
    <name>ReasonPage</name>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Note for the group</source>
        <translation>Opmerking voor de groep</translation>
    </message>
    <message>
        <source>Why will your children not come? The group sees the reason and your note.</source>
        <translation>Waarom komen je kinderen niet? De groep ziet de reden en je opmerking.</translation>
    </message>
    <message>
        <source>Why will your child not come? The group sees the reason and your note.</source>
        <translation>Waarom komt je kind niet? De groep ziet de reden en je opmerking.</translation>
    </message>
    <message>
        <source>Note for the group (optional)</source>
        <translation>Opmerking voor de groep (niet verplicht)</translation>
    </message>
    <message>
        <source>The note is {n} characters; at most {max} fit.</source>
        <translation>De opmerking is {n} tekens; er passen er hooguit {max}.</translation>
    </message>
</context>
<context>
    <name>RejectChangeDialog</name>
    <message>
        <source>Reject: {title}</source>
        <translation>Afwijzen: {title}</translation>
    </message>
    <message>
        <source>Why is this change not approved? The parents read this reason.</source>
        <translation>Waarom wordt deze wijziging niet goedgekeurd? De ouders lezen deze reden.</translation>
    </message>
    <message>
        <source>For example: please bring the signed mandate to the location.</source>
        <translation>Bijvoorbeeld: lever de getekende machtiging in bij de locatie.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Why can {child} not come on {dates}? The parents read this reason.</source>
        <translation>Waarom kan {child} op {dates} niet komen? De ouders lezen deze reden.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>For example: the group is full that day.</source>
        <translation>Bijvoorbeeld: de groep is die dag vol.</translation>
    </message>
    <message>
        <source>Reject the request for {child}</source>
        <translation>Aanvraag van {child} afwijzen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
</context>
<context>
    <name>RequestOverviewDialog</name>
    <message>
        <source>Request overview</source>
        <translation>Aanvragenoverzicht</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Aanvragen</translation>
    </message>
    <message>
        <source>There are no open requests.</source>
        <translation>Er zijn geen openstaande aanvragen.</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Aanvraag annuleren</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Uit de lijst verwijderen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Toon:</translation>
    </message>
    <message>
        <source>Are you sure you want to cancel this request?</source>
        <translation>Weet je zeker dat je deze aanvraag wilt annuleren?</translation>
    </message>
    <message>
        <source>The day is planned again: your child is expected as usual.</source>
        <translation>De dag is daarna weer aangemeld: je kind wordt gewoon verwacht.</translation>
    </message>
    <message>
        <source>The day is planned again: your children are expected as usual.</source>
        <translation>De dag is daarna weer aangemeld: je kinderen worden gewoon verwacht.</translation>
    </message>
    <message>
        <source>This report is saved on this computer and is sent as soon as the portal can be reached. Until then you can withdraw it.</source>
        <translation>Deze afmelding is op deze computer bewaard en wordt verstuurd zodra het portaal bereikbaar is. Tot die tijd kun je haar intrekken.</translation>
    </message>
    <message>
        <source>Cancelling makes the day planned again for every child and day-part of this report; absence credit it earned is withdrawn, and an extra day it paid for is paid from other credit or the invoice. You see what changes before you confirm.</source>
        <translation>Na annuleren is de dag weer aangemeld, voor elk kind en dagdeel van deze afmelding; het afwezigheidstegoed dat de afmelding opleverde vervalt, en een extra dag die ermee betaald is, wordt betaald uit ander tegoed of via de factuur. Je ziet wat er verandert voordat je bevestigt.</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Aanvraag intrekken</translation>
    </message>
    <message>
        <source>Are you sure you want to withdraw this request for an extra day?</source>
        <translation>Weet je zeker dat je deze aanvraag voor een extra dag wilt intrekken?</translation>
    </message>
    <message>
        <source>Withdraw report</source>
        <translation>Afmelding intrekken</translation>
    </message>
    <message>
        <source>Are you sure you want to withdraw this report of absence? It has not reached the portal yet: it will not be sent.</source>
        <translation>Weet je zeker dat je deze afmelding wilt intrekken? Ze is nog niet bij het portaal aangekomen en wordt dan niet verstuurd.</translation>
    </message>
    <message>
        <source>The report has been withdrawn; nothing was sent.</source>
        <translation>De afmelding is ingetrokken; er is niets verstuurd.</translation>
    </message>
    <message>
        <source>The day is planned again.</source>
        <translation>De dag is weer aangemeld.</translation>
    </message>
    <message>
        <source>There are no requests yet.</source>
        <translation>Er zijn nog geen aanvragen.</translation>
    </message>
    <message>
        <source>Select a request to cancel it.</source>
        <translation>Kies een aanvraag om die te annuleren.</translation>
    </message>
    <message>
        <source>The portal did not accept this report: {reason}</source>
        <translation>Het portaal heeft deze afmelding niet geaccepteerd: {reason}</translation>
    </message>
    <message>
        <source>This request is in the past or already cancelled.</source>
        <translation>Deze aanvraag ligt in het verleden of is al geannuleerd.</translation>
    </message>
    <message>
        <source>{location}: {phone} or {email}</source>
        <translation>{location}: {phone} of {email}</translation>
    </message>
    <message>
        <source>Less than {days} days before the day, an absence can no longer be cancelled in the app. To be expected that day after all, contact the location.</source>
        <translation>Binnen {days} dagen voor de dag kun je een afmelding niet meer in de app annuleren. Komt je kind die dag toch? Neem dan contact op met de locatie.</translation>
    </message>
    <message>
        <source>The group has not decided yet. You can still withdraw the request.</source>
        <translation>De groep heeft nog niet besloten. Je kunt de aanvraag nog intrekken.</translation>
    </message>
    <message>
        <source>The group approved these day-parts; the others you asked for were rejected: {reason} Approved extra care cannot be cancelled. It is invoiced afterwards.</source>
        <translation>De groep heeft deze dagdelen goedgekeurd; de andere die je aanvroeg zijn afgewezen: {reason} Goedgekeurde extra opvang kan niet worden geannuleerd. Die wordt achteraf gefactureerd.</translation>
    </message>
    <message>
        <source>Approved extra care cannot be cancelled. It is invoiced afterwards.</source>
        <translation>Annuleren van goedgekeurde extra opvang is niet mogelijk. Deze wordt achteraf gefactureerd.</translation>
    </message>
    <message>
        <source>The group rejected this request: {reason}</source>
        <translation>De groep heeft deze aanvraag afgewezen: {reason}</translation>
    </message>
    <message>
        <source>You withdrew this request.</source>
        <translation>Je hebt deze aanvraag ingetrokken.</translation>
    </message>
</context>
<context>
    <name>RequestOverviewModel</name>
    <message>
        <source>The {hours} of absence credit it earned are withdrawn.</source>
        <translation>De {hours} afwezigheidstegoed die deze afmelding opleverde, vervalt.</translation>
    </message>
    <message>
        <source>That credit pays for your extra day on {when}: {hours} of it move to the invoice, {cost} more.</source>
        <translation>Met dat tegoed is je extra dag op {when} betaald: daarvan komt {hours} op de factuur, {cost} extra.</translation>
    </message>
    <message>
        <source>That credit pays for your extra day on {when}: your other absence credit pays for it instead.</source>
        <translation>Met dat tegoed is je extra dag op {when} betaald: die wordt nu betaald uit je andere afwezigheidstegoed.</translation>
    </message>
    <message>
        <source>In all, {cost} more is invoiced.</source>
        <translation>In totaal komt er {cost} extra op de factuur.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Aanvraag</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Dagdeel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Doorgegeven door</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Absence ({reason})</source>
        <translation>Afmelding ({reason})</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Afgemeld</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Waiting for a connection</source>
        <translation>Wacht op verbinding</translation>
    </message>
    <message>
        <source>every planned day-part</source>
        <translation>elk gepland dagdeel</translation>
    </message>
    <message>
        <source>you (this computer)</source>
        <translation>jij (deze computer)</translation>
    </message>
    <message>
        <source>Requested, not decided yet</source>
        <translation>Aangevraagd, nog geen besluit</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Extra day</source>
        <translation>Extra dag</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>hele dag</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Forgot your password?</source>
        <translation>Wachtwoord vergeten?</translation>
    </message>
    <message>
        <source>Enter the e-mail address of your account. We will send you an e-mail with a link and a code to set a new password. This is also how you activate a new account.</source>
        <translation>Vul het e-mailadres van je account in. We sturen je een e-mail met een link en een code om een nieuw wachtwoord in te stellen. Zo activeer je ook een nieuw account.</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>korein or korein.ouderportaal.nl</source>
        <translation>korein of korein.ouderportaal.nl</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>&amp;E-mailadres</translation>
    </message>
    <message>
        <source>name@example.nl</source>
        <translation>naam@voorbeeld.nl</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Versturen</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Versturen…</translation>
    </message>
</context>
<context>
    <name>SaveEverythingService</name>
    <message>
        <source>Diary {name} {start} to {end}.pdf</source>
        <extracomment>The longest period one dagboek PDF may cover (the portal&apos;s limit, docs/api.md).</extracomment>
        <translation>Dagboek {name} {start} tot {end}.pdf</translation>
    </message>
</context>
<context>
    <name>SaveSummary</name>
    <message>
        <source>Saving stopped. What was saved stays; saving again adds the rest.</source>
        <translation>Opslaan gestopt. Wat al is opgeslagen blijft staan; opnieuw opslaan voegt de rest toe.</translation>
    </message>
    <message>
        <source>Already in the folder: {n}.</source>
        <translation>Stonden al in de map: {n}.</translation>
    </message>
    <message>
        <source>Arrived damaged, not saved: {n}. Save again later.</source>
        <translation>Beschadigd binnengekomen, niet opgeslagen: {n}. Sla later opnieuw op.</translation>
    </message>
    <message>
        <source>Stopped: {reason} Saving again adds the rest.</source>
        <translation>Gestopt: {reason} Sla opnieuw op voor de rest.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Group today</source>
        <translation>Groep vandaag</translation>
    </message>
    <message>
        <source>Your group&apos;s children today: arrivals, departures and day reports</source>
        <translation>De kinderen van je groep vandaag: brengen, halen en dagverslagen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Your children, their groups and locations</source>
        <translation>Je kinderen, hun groepen en locaties</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>When your children come, absences and requests</source>
        <translation>Wanneer je kinderen komen, afmeldingen en aanvragen</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>The day reports of your children, and notes for their group</source>
        <translation>De dagverslagen van je kinderen, en notities voor hun groep</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Photos of activities: your children&apos;s to view and save, or your groups&apos; to post</source>
        <translation>Foto&apos;s van activiteiten: die van je kinderen bekijken en opslaan, of die van je groepen plaatsen</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Financieel</translation>
    </message>
    <message>
        <source>Invoices, annual statements, contracts and rates</source>
        <translation>Facturen, jaaropgaven, contracten en tarieven</translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation>Openstaande aanvragen</translation>
    </message>
    <message>
        <source>Extra-day requests of your groups, to approve or reject</source>
        <translation>Aanvragen voor extra dagen in je groepen, om goed te keuren of af te wijzen</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Changes of personal data parents asked for, to approve or reject</source>
        <translation>Wijzigingen van gegevens die ouders aanvroegen, om goed te keuren of af te wijzen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <source>Conversations with the staff of your child&apos;s group</source>
        <translation>Gesprekken met de pedagogisch medewerkers van de groep van je kind</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>News of the organisation, the location and the group</source>
        <translation>Nieuws van de organisatie, de locatie en de groep</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Addresses, phone numbers, bank account and your children&apos;s care details</source>
        <translation>Adressen, telefoonnummers, bankrekening en de zorggegevens van je kinderen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Your details, password, login code and devices</source>
        <translation>Je gegevens, wachtwoord, inlogcode en apparaten</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>This session cannot be unlocked with a password. Please log out.</source>
        <extracomment>Wrong passwords on the lock screen before the session ends (guessing at a shared PC).</extracomment>
        <translation>Deze sessie kan niet met een wachtwoord worden ontgrendeld. Log uit.</translation>
    </message>
    <message>
        <source>The password was wrong too many times, so you have been logged out.</source>
        <translation>Het wachtwoord is te vaak verkeerd ingevuld. Je bent daarom uitgelogd.</translation>
    </message>
    <message>
        <source>The password is incorrect.</source>
        <translation>Het wachtwoord is onjuist.</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>Enter your e-mail address and password.</source>
        <extracomment>QSettings key an installer sets to put this computer in shared-PC mode.</extracomment>
        <translation>Vul je e-mailadres en wachtwoord in.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Vul de code uit je authenticator-app in.</translation>
    </message>
    <message>
        <source>This computer could not be saved as one of your devices, so if others try wrong passwords for your account, your next login here may have to wait. %1</source>
        <translation>Deze computer kon niet worden bewaard als een van je apparaten. Proberen anderen verkeerde wachtwoorden voor je account, dan moet je bij je volgende keer inloggen hier misschien wachten. %1</translation>
    </message>
    <message>
        <source>Staff accounts and shared computers are never remembered: log in again next time.</source>
        <translation>Medewerkersaccounts en gedeelde computers worden nooit onthouden: log de volgende keer opnieuw in.</translation>
    </message>
    <message>
        <source>This computer has no secure place to keep your login, so it will not be remembered. Next time you will need to log in again.</source>
        <translation>Deze computer heeft geen veilige plek om je login te bewaren, dus die wordt niet onthouden. De volgende keer moet je opnieuw inloggen.</translation>
    </message>
    <message>
        <source>This login is no longer remembered on this computer. Please log in.</source>
        <translation>Deze login wordt niet meer onthouden op deze computer. Log opnieuw in.</translation>
    </message>
</context>
<context>
    <name>StaffPhotosPage</name>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Post photos…</source>
        <translation>Foto&apos;s plaatsen…</translation>
    </message>
    <message>
        <source>Photos of what your groups did. Parents see a photo only of their own children who are tagged on it and whose parents gave consent for photos in the parent portal.</source>
        <translation>Foto&apos;s van wat je groepen deden. Ouders zien een foto alleen van hun eigen kinderen die erop staan en voor wie toestemming is gegeven voor foto&apos;s in het ouderportaal.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <source>Photos of the activity</source>
        <translation>Foto&apos;s van de activiteit</translation>
    </message>
    <message>
        <source>Choose an activity to see its photos.</source>
        <translation>Kies een activiteit om de foto&apos;s te zien.</translation>
    </message>
    <message>
        <source>Loading the photos…</source>
        <translation>De foto&apos;s worden geladen…</translation>
    </message>
    <message>
        <source>This activity has no photos yet.</source>
        <translation>Bij deze activiteit staan nog geen foto&apos;s.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Check and submit</source>
        <translation>Controleren en indienen</translation>
    </message>
    <message>
        <source>This is what happens when you submit.</source>
        <translation>Dit gebeurt er als je indient.</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>Aanvraag indienen</translation>
    </message>
    <message>
        <source>The request goes to the group for approval.</source>
        <translation>De aanvraag gaat ter goedkeuring naar de groep.</translation>
    </message>
    <message>
        <source>The group decides on the request; follow its status in the request overview. A pending request can be withdrawn there.</source>
        <translation>De groep besluit over de aanvraag; volg de status in het aanvragenoverzicht. Een aanvraag zonder besluit kun je daar intrekken.</translation>
    </message>
    <message>
        <source>Approved extra care cannot be cancelled.</source>
        <translation>Annuleren van goedgekeurde extra opvang is niet mogelijk.</translation>
    </message>
    <message>
        <source>Extra days are invoiced afterwards, on the invoice after the month of care (collected by direct debit if you gave a mandate).</source>
        <translation>Extra dagen worden achteraf gefactureerd, op de factuur na de maand van afname (automatisch geïncasseerd als je een machtiging hebt afgegeven).</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Read by the group</source>
        <translation>Gelezen door de groep</translation>
    </message>
    <message>
        <source>Read by the parents</source>
        <translation>Gelezen door de ouders</translation>
    </message>
    <message>
        <source>Being sent…</source>
        <extracomment>How many messages a thread shows at first, and how many more each step back in time. What stays the same for a row as rows come and go in front of it (the delegate keeps each message&apos;s layout under it). The message is from the reader&apos;s side of the conversation: the family&apos;s (either parent&apos;s) for a parent, the team&apos;s (any staff member&apos;s) for staff. Bubbles are drawn by side, not by who wrote (``Mine``), so the other parent is not a teacher.</extracomment>
        <translation>Wordt verzonden…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <source>attachments: {names}</source>
        <translation>bijlagen: {names}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>{day} (new)</source>
        <translation>{day} (nieuw)</translation>
    </message>
</context>
<context>
    <name>TwoFactorOffDialog</name>
    <message>
        <source>Turn off logging in with a code</source>
        <translation>Inloggen met een code uitzetten</translation>
    </message>
    <message>
        <source>Without a code, your password alone opens your account. Enter a code from your authenticator app (or a recovery code) to turn it off.</source>
        <translation>Zonder code geeft alleen je wachtwoord toegang tot je account. Vul een code uit je authenticator-app (of een herstelcode) in om het uit te zetten.</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Uitzetten</translation>
    </message>
</context>
<context>
    <name>TwoFactorStep</name>
    <message>
        <source>Enter your code</source>
        <translation>Vul je code in</translation>
    </message>
    <message>
        <source>Open the authenticator app on your phone and enter the six-digit code it shows for the parent portal.</source>
        <translation>Open de authenticator-app op je telefoon en vul de code van zes cijfers in die de app voor het ouderportaal toont.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Lost your phone? Enter one of your recovery codes (like K7MQ-29XP) instead.</source>
        <translation>Telefoon kwijt? Vul dan een van je herstelcodes in (zoals K7MQ-29XP).</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Bezig met inloggen…</translation>
    </message>
</context>
<context>
    <name>TwoFactorWizard</name>
    <message>
        <source>Set up logging in with a code</source>
        <translation>Inloggen met een code instellen</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>Recovery codes for {organisation}</source>
        <translation>Herstelcodes voor {organisation}</translation>
    </message>
    <message>
        <source>the parent portal</source>
        <translation>het ouderportaal</translation>
    </message>
    <message>
        <source>Each code works once, instead of a code from the authenticator app.</source>
        <translation>Elke code werkt één keer, in plaats van een code uit de authenticator-app.</translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation>Herstelcodes opslaan</translation>
    </message>
    <message>
        <source>Recovery codes.txt</source>
        <translation>Herstelcodes.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tekstbestanden (*.txt)</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>Opgeslagen in {file}.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Naar de printer gestuurd.</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Post photos</source>
        <translation>Foto&apos;s plaatsen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>Nieuwe activiteit…</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nieuwe activiteit</translation>
    </message>
    <message>
        <source>For example: Autumn walk</source>
        <translation>Bijvoorbeeld: Herfstwandeling</translation>
    </message>
    <message>
        <source>Create activity</source>
        <translation>Activiteit aanmaken</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Children on these photos</source>
        <translation>Kinderen op deze foto&apos;s</translation>
    </message>
    <message>
        <source>Files to post</source>
        <translation>Te plaatsen bestanden</translation>
    </message>
    <message>
        <source>Choose photos…</source>
        <translation>Foto&apos;s kiezen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>Activiteit:</translation>
    </message>
    <message>
        <source>Photos (choose them, or drop them here):</source>
        <translation>Foto&apos;s (kies ze, of sleep ze hierheen):</translation>
    </message>
    <message>
        <source>Give the activity a title.</source>
        <translation>Geef de activiteit een titel.</translation>
    </message>
    <message>
        <source>No consent for photos in the parent portal</source>
        <translation>Geen toestemming voor foto&apos;s in het ouderportaal</translation>
    </message>
    <message>
        <source>Without consent for photos in the parent portal, so not on these photos: {names}.</source>
        <translation>Zonder toestemming voor foto&apos;s in het ouderportaal, dus niet op deze foto&apos;s: {names}.</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>Foto&apos;s kiezen</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Foto&apos;s ({patterns})</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Bezig met plaatsen…</translation>
    </message>
    <message>
        <source>Posted: {done}.</source>
        <translation>Geplaatst: {done}.</translation>
    </message>
    <message>
        <source>Not posted: {n} (see the reason per photo).</source>
        <translation>Niet geplaatst: {n} (zie de reden per foto).</translation>
    </message>
    <message>
        <source>Did not arrive: {n}. Use “Try again”.</source>
        <translation>Niet aangekomen: {n}. Kies „Opnieuw proberen”.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>Uploads</name>
    <message>
        <source>Ready to post</source>
        <extracomment>How far a file being sent got, 0–100 (None when it is not being sent)</extracomment>
        <translation>Klaar om te plaatsen</translation>
    </message>
    <message>
        <source>Sent, the portal is preparing it…</source>
        <translation>Verstuurd, het portaal verwerkt de foto…</translation>
    </message>
    <message>
        <source>Posting… {percent} %</source>
        <translation>Bezig met plaatsen… {percent} %</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Bezig met plaatsen…</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Geplaatst</translation>
    </message>
    <message>
        <source>Not posted: {reason}</source>
        <translation>Niet geplaatst: {reason}</translation>
    </message>
    <message>
        <source>Did not arrive: {reason}</source>
        <translation>Niet aangekomen: {reason}</translation>
    </message>
    <message>
        <source>{date} · {title} ({count})</source>
        <translation>{date} · {title} ({count})</translation>
    </message>
    <message>
        <source>{date} · {title} ({count} · ♥ {hearts})</source>
        <translation>{date} · {title} ({count} · ♥ {hearts})</translation>
    </message>
</context>
<context>
    <name>WhenPage</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>One day</source>
        <translation>Eén dag</translation>
    </message>
    <message>
        <source>A period</source>
        <translation>Een periode</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Up to and including</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Day-part</source>
        <translation>Dagdeel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
</context>
<context>
    <name>_Card</name>
    <message>
        <source>Withdraw the change</source>
        <translation>Wijziging intrekken</translation>
    </message>
    <message>
        <source>Pending with the location: {change}</source>
        <translation>In behandeling bij de locatie: {change}</translation>
    </message>
    <message>
        <source>no differences</source>
        <translation>geen verschillen</translation>
    </message>
    <message>
        <source>The location rejected your last change: {reason}</source>
        <translation>De locatie heeft je laatste wijziging afgewezen: {reason}</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>All set: &quot;Log in&quot; opens the parent portal. From your next login on, the portal asks for a code from your authenticator app after your password; your organisation requires it, so it stays on.</source>
        <translation>Het is ingesteld. Met &quot;Inloggen&quot; open je het ouderportaal. Vanaf de volgende keer vraagt het portaal na je wachtwoord om een code uit je authenticator-app. Je organisatie vraagt dit, dus het blijft aan.</translation>
    </message>
    <message>
        <source>From your next login on, the portal asks for a code from your authenticator app after your password. You can turn this off on the Account page.</source>
        <translation>Vanaf de volgende keer inloggen vraagt het portaal na je wachtwoord om een code uit je authenticator-app. Je kunt dit uitzetten op de pagina Account.</translation>
    </message>
</context>
<context>
    <name>_IntroPage</name>
    <message>
        <source>Log in with a code</source>
        <translation>Inloggen met een code</translation>
    </message>
    <message>
        <source>From now on, logging in asks for your password and a six-digit code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP). Someone who learns your password still cannot log in.

Install such an app on your phone first, then continue.</source>
        <translation>Voortaan vraagt het inloggen om je wachtwoord én een code van zes cijfers uit een authenticator-app op je telefoon (bijvoorbeeld Google Authenticator, Microsoft Authenticator of FreeOTP). Wie je wachtwoord te weten komt, kan dan nog steeds niet inloggen.

Installeer eerst zo&apos;n app op je telefoon en ga dan verder.</translation>
    </message>
    <message>
        <source>Your organisation requires managers to log in with a code. Set it up now; you are logged in as soon as it is done.</source>
        <translation>Je organisatie vraagt managers om in te loggen met een code. Stel dat nu in; zodra het klaar is, ben je ingelogd.</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <source>Keep your recovery codes</source>
        <translation>Bewaar je herstelcodes</translation>
    </message>
    <message>
        <source>Logging in with a code is on. If you lose your phone, each of these codes lets you log in once instead of a code from the app. Save or print them and keep them somewhere safe; they are not shown again.</source>
        <translation>Inloggen met een code staat aan. Raak je je telefoon kwijt, dan kun je met elk van deze codes één keer inloggen in plaats van met een code uit de app. Sla ze op of print ze en bewaar ze op een veilige plek; ze worden niet nog een keer getoond.</translation>
    </message>
    <message>
        <source>&amp;Save to a file…</source>
        <translation>&amp;Opslaan als bestand…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Printen…</translation>
    </message>
    <message>
        <source>I have saved or printed my recovery codes</source>
        <translation>Ik heb mijn herstelcodes opgeslagen of geprint</translation>
    </message>
</context>
<context>
    <name>_ScanPage</name>
    <message>
        <source>Add your account to the app</source>
        <translation>Voeg je account toe aan de app</translation>
    </message>
    <message>
        <source>Scan the QR code with the authenticator app, or type the key into it. Then enter the code the app shows.</source>
        <translation>Scan de QR-code met de authenticator-app, of typ de sleutel over. Vul daarna de code in die de app toont.</translation>
    </message>
    <message>
        <source>Preparing your code…</source>
        <translation>Je code wordt klaargezet…</translation>
    </message>
    <message>
        <source>&amp;Code from the app</source>
        <translation>&amp;Code uit de app</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
</context>
</TS>
