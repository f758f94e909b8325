"""The parents' Gegevens page: their own contact details (changed at once), each parent's
address, the bank account (primary parent), and per child the medical details, emergency
contacts and who may collect the child — those through the location (docs/api.md, "Personal
data") — and the child's consents (``consents.py``): the photo consents changed at once, the
medication consent read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.models.personal_data import phone_text
from desktop.models.shared.records import ChangeField, Child, PersonalData
from desktop.views.personal_data.consents import ConsentsCard
from desktop.views.personal_data.forms import ContactsForm, FieldForm, Spec
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.models.shared.records import PhotoConsent
    from desktop.services.personal_data import PersonalDataService
    from desktop.services.profile import ProfileService

__all__ = ["PersonalDataPage"]

SOURCE = "personal-data"
ADDRESS = [Spec("street"), Spec("house_number"), Spec("addition"),
           Spec("postcode", placeholder="5611 AB"), Spec("city")]
MEDICAL = [Spec("gp_name"), Spec("gp_phone", placeholder="040 123 45 67"),
           Spec("allergies", multiline=True), Spec("diet", multiline=True),
           Spec("medical_notes", multiline=True)]
BANK = [Spec("iban", placeholder="NL91 ABNA 0417 1643 00"), Spec("account_holder"),
        Spec("mandate", checkbox=True)]


class PersonalDataPage(QWidget):
    def __init__(self, service: PersonalDataService, messages: MessageBar, user_id: int | None,
                 parent: QWidget | None = None, *, children: tuple[Child, ...] = (),
                 profile: ProfileService | None = None) -> None:
        super().__init__(parent)
        self._profile_children = {c.id: c for c in children}
        self._profile = profile
        self.consents: dict[int, ConsentsCard] = {}
        self.setObjectName("personalDataPage")
        self._service = service
        self._messages = messages
        self._user_id = user_id
        # key → (form, field, subject id); key "contact" is the immediate one.
        self.forms: dict[str, tuple[FieldForm | ContactsForm, ChangeField | None, int]] = {}
        title = mark(QLabel(self.tr("Personal details"), self), "heading")
        intro = mark(QLabel(self.tr(
            "Your phone numbers and e-mail change at once. A new address, bank account, "
            "medical details and who may collect your child go to the location first: until "
            "it approves, the change shows as pending."), self), "muted")
        intro.setWordWrap(True)
        self.loading = mark(QLabel(self.tr("Loading your details…"), self), "muted")
        self.loading.setObjectName("personalDataLoading")
        self._content = QWidget()
        self._cards = QVBoxLayout(self._content)
        self._cards.setSpacing(14)
        self._cards.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.loading)
        layout.addWidget(scroll, 1)
        service.dataChanged.connect(self.show_data)
        service.refused.connect(self._refused)
        service.contactSaved.connect(self._contact_saved)
        service.proposed.connect(self._proposed)
        service.photoConsentSaved.connect(self._photo_consent_saved)
        service.problem.connect(self._problem)
        if service.data is not None:
            self.show_data(service.data)

    @classmethod
    def from_context(cls, context: PageContext) -> PersonalDataPage:
        profile = context.services.profile.profile
        return cls(context.services.personal_data, context.messages,
                   profile.user.id if profile else None, context.parent,
                   children=profile.children if profile else (),
                   profile=context.services.profile)

    def activate(self, intent: Intent | None = None) -> None:
        self._service.load()

    # -- building ------------------------------------------------------------------------------
    def _add(self, key: str, form: FieldForm | ContactsForm, field: ChangeField | None,
             subject_id: int) -> None:
        form.setObjectName(key)
        self.forms[key] = (form, field, subject_id)
        self._cards.insertWidget(self._cards.count() - 1, form)
        form.show()  # the page may be on screen already
        form.submitted.connect(lambda value, k=key: self._submit(k, value))
        form.withdrawRequested.connect(lambda request_id, k=key: self._service.withdraw(
            k, request_id))

    def _build(self, data: PersonalData) -> None:
        propose = self.tr("Propose the change")
        me = next((p for p in data.parents if p.user_id == self._user_id), None)
        if me is not None:
            self._add("contact", FieldForm(self.tr("Your phone numbers and e-mail"), [
                Spec("phone", placeholder="06 12345678"), Spec("home_phone"),
                Spec("notification_email")], self.tr("Save"), approved=False), None, me.user_id)
        for parent in data.parents:
            self._add(f"address:{parent.user_id}", FieldForm(
                self.tr("Address of {name}").format(name=parent.name), ADDRESS, propose),
                ChangeField.ADDRESS, parent.user_id)
        if data.bank_visible:
            self._add("bank", FieldForm(self.tr("Bank account for the direct debit"), BANK,
                                        propose), ChangeField.BANK, 0)
        for child in data.children:
            self._add(f"medical:{child.child_id}", FieldForm(
                self.tr("Health of {name}").format(name=child.name), MEDICAL, propose),
                ChangeField.MEDICAL, child.child_id)
            self._add(f"emergency_contacts:{child.child_id}", ContactsForm(
                self.tr("Emergency contacts of {name}").format(name=child.name), propose),
                ChangeField.EMERGENCY_CONTACTS, child.child_id)
            self._add(f"collectors:{child.child_id}", ContactsForm(
                self.tr("Who may collect {name}").format(name=child.name), propose),
                ChangeField.COLLECTORS, child.child_id)
            known = self._profile_children.get(child.child_id)
            if known is not None:
                card = ConsentsCard(known)
                card.saveRequested.connect(
                    lambda consent, c=child.child_id: self._service.change_photo_consent(
                        c, consent))
                self.consents[child.child_id] = card
                self._cards.insertWidget(self._cards.count() - 1, card)

    # -- showing -------------------------------------------------------------------------------
    def show_data(self, data: PersonalData) -> None:
        self.loading.hide()
        self._messages.clear(SOURCE)
        if not self.forms:
            self._build(data)
        parents = {p.user_id: p for p in data.parents}
        children = {c.child_id: c for c in data.children}
        for form, field, subject in self.forms.values():
            if field is None:
                me = parents.get(subject)
                form.set_value({"phone": phone_text(me.phone),
                                "home_phone": phone_text(me.home_phone),
                                "notification_email": me.notification_email} if me else {})
                continue
            if field is ChangeField.ADDRESS:
                address = parents[subject].address if subject in parents else None
                value = address.to_json() if address else {}
            elif field is ChangeField.BANK:
                # Only the masked number leaves the portal: a new account is typed in full.
                value = ({"iban": None, "account_holder": data.bank.account_holder,
                          "mandate": data.bank.mandate_signed_on is not None}
                         if data.bank else {})
                if data.bank is not None and isinstance(form, FieldForm):
                    form.fields["iban"].setPlaceholderText(self.tr(
                        "Now {iban}; type the new account in full").format(
                        iban=data.bank.iban_masked))
            elif field is ChangeField.MEDICAL:
                value = children[subject].medical.to_json() if subject in children else {}
                if value:
                    value["gp_phone"] = phone_text(value.get("gp_phone"))
            else:
                people = (children[subject].emergency_contacts
                          if field is ChangeField.EMERGENCY_CONTACTS
                          else children[subject].collectors) if subject in children else ()
                value = {"contacts": [{**c.to_json(), "phone": phone_text(c.phone)}
                                      for c in people]}
            form.set_value(value)
            form.set_state(data.pending(field, subject), data.last_rejected(field, subject))

    def _submit(self, key: str, value: dict) -> None:
        form, field, subject = self.forms[key]
        if field is None:
            self._service.change_contact(value)
        else:
            self._service.propose(key, field, subject, value)

    def _refused(self, key: str, message: str, errors: dict) -> None:
        if key.startswith("photo_consent:"):
            card = self.consents.get(int(key.partition(":")[2]))
            if card is not None:
                card.refused(message)
            return
        if key in self.forms:
            self.forms[key][0].show_refusal(message, errors)

    def _contact_saved(self) -> None:
        form = self.forms["contact"][0]
        form.done()
        self._messages.show_message(self.tr("Your phone numbers and e-mail are saved."),
                                    source=SOURCE, tone="info")
        if self._service.data is not None:
            self.show_data(self._service.data)

    def _photo_consent_saved(self, child_id: int, consent: PhotoConsent) -> None:
        card = self.consents.get(child_id)
        if card is not None:
            card.saved(consent)
        # `/me` holds the consents too (the overview, the staff's tagging list elsewhere);
        # the photos themselves follow the portal's `photos` event.
        if self._profile is not None:
            self._profile.refresh()

    def _proposed(self, request: object) -> None:
        for form, field, subject in self.forms.values():
            if field is getattr(request, "field", None) and subject == getattr(
                    request, "subject_id", None):
                form.done()
        self._messages.show_message(self.tr(
            "Your change is with the location. You see it here as pending until it is "
            "approved."), source=SOURCE, tone="info")

    def _problem(self, what: str, text: str) -> None:
        if what != "data":
            return
        self.loading.setText(self.tr("Your details could not be loaded."))
        self._messages.show_message(text, source=SOURCE, action_text=self.tr("Try again"),
                                    action=self._service.load)
