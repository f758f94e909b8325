; The Windows installer of the Ouderportaal desktop app. installer/windows.py compiles it:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DBUNDLE=dist\Ouderportaal -DICON=app.ico
;            -DOUTFILE=Ouderportaal-0.1.0-setup.exe ouderportaal.nsi
;
; By default it installs for the current user only, in %LOCALAPPDATA%\Programs: no
; administrator rights. "Gedeelde computer" (a page of the installer, or /SHAREDPC=1 for a silent
; install: setup.exe /S /SHAREDPC=1) installs for every user of the PC in Program Files and sets
; the app's shared-PC switch for all of them: the QSettings value shared_pc=true in
; HKLM\Software\Ouderportaal\Ouderportaal, which the app reads when the user has none of their
; own. That needs administrator rights: the installer asks Windows to restart it elevated.
; The uninstaller asks whether to remove the user's offline data too (silently: /REMOVEDATA=1).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION | VERSION4 | BUNDLE | ICON | OUTFILE
  !error "define VERSION, VERSION4, BUNDLE, ICON and OUTFILE (installer/windows.py does)"
!endif

!define NAME "Ouderportaal"
!define PUBLISHER "Ouderportaal"
!define EXE "Ouderportaal.exe"
!define UNINSTALLER "Uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Ouderportaal"
; QSettings("Ouderportaal", "Ouderportaal") in the registry (desktop/services/session.py).
!define SETTINGS_KEY "Software\Ouderportaal\Ouderportaal"
!define SHARED_PC_VALUE "shared_pc"
; ShellExecute's answer above 32 means it started; Windows' "elevation required".
!define ERROR_ELEVATION_REQUIRED 740

; With a signing certificate (installer/sign.py), the uninstaller this script writes is signed
; as it is made; the installer itself is signed afterwards.
!ifdef SIGN
  !uninstfinalize '${SIGN} "%1"' = 0
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "x64.nsh"

Name "${NAME}"
OutFile "${OUTFILE}"
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${NAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${NAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

Var SharedPc      ; 1: install for every user and set the shared-PC switch
Var SharedPcBox
Var IsAdmin       ; "Admin" when this process runs elevated
Var ChosenDir     ; 1: /D= on the command line chose the folder

!insertmacro MUI_PAGE_WELCOME
Page custom SharedPcPage SharedPcPageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one for systems in neither language.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

LangString SharedPcTitle ${LANG_ENGLISH} "Shared computer"
LangString SharedPcTitle ${LANG_DUTCH} "Gedeelde computer"
LangString SharedPcSubtitle ${LANG_ENGLISH} "Do several people use this computer?"
LangString SharedPcSubtitle ${LANG_DUTCH} "Gebruiken meerdere mensen deze computer?"
LangString SharedPcText ${LANG_ENGLISH} "On a shared computer, for example at the childcare location, Ouderportaal remembers nobody, locks itself after 10 minutes without use and removes an account's data from the computer when that person logs out.$\r$\n$\r$\nThis applies to everyone who uses this computer, so Ouderportaal is then installed for all users. That needs administrator rights."
LangString SharedPcText ${LANG_DUTCH} "Op een gedeelde computer, bijvoorbeeld op de locatie, onthoudt Ouderportaal niemand, vergrendelt het zich na 10 minuten zonder gebruik en verwijdert het de gegevens van een account van de computer zodra die persoon uitlogt.$\r$\n$\r$\nDit geldt voor iedereen die deze computer gebruikt, dus wordt Ouderportaal dan voor alle gebruikers geïnstalleerd. Daarvoor zijn beheerdersrechten nodig."
LangString SharedPcCheckbox ${LANG_ENGLISH} "This is a shared computer (install for all users)"
LangString SharedPcCheckbox ${LANG_DUTCH} "Dit is een gedeelde computer (voor alle gebruikers installeren)"
LangString NoElevation ${LANG_ENGLISH} "Without administrator rights Ouderportaal can only be installed for you. Clear the shared-computer option, or ask your administrator."
LangString NoElevation ${LANG_DUTCH} "Zonder beheerdersrechten kan Ouderportaal alleen voor jou worden geïnstalleerd. Zet de optie voor een gedeelde computer uit, of vraag het je beheerder."
LangString Needs64Bit ${LANG_ENGLISH} "Ouderportaal needs a 64-bit version of Windows."
LangString Needs64Bit ${LANG_DUTCH} "Ouderportaal heeft een 64-bits versie van Windows nodig."
LangString RemoveData ${LANG_ENGLISH} "Also remove your offline data of Ouderportaal from this computer (the saved agenda, documents and remembered accounts)?"
LangString RemoveData ${LANG_DUTCH} "Ook je offline gegevens van Ouderportaal van deze computer verwijderen (de bewaarde agenda, documenten en onthouden accounts)?"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  UserInfo::GetAccountType
  Pop $IsAdmin
  StrCpy $ChosenDir 0
  ${If} $INSTDIR != ""
    StrCpy $ChosenDir 1
  ${EndIf}
  StrCpy $SharedPc 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SHAREDPC=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 == "1"
    StrCpy $SharedPc 1
  ${EndIf}
  ${If} $SharedPc == 1
  ${AndIf} $IsAdmin != "Admin"
  ${AndIf} ${Silent}
    ; A deployment tool runs elevated; anyone else learns why it did nothing.
    SetErrorLevel ${ERROR_ELEVATION_REQUIRED}
    Quit
  ${EndIf}
  Call ApplyMode
FunctionEnd

; Where to install and for whom, following $SharedPc.
Function ApplyMode
  ${If} $SharedPc == 1
    SetShellVarContext all
    ${If} $ChosenDir == 0
      StrCpy $INSTDIR "$PROGRAMFILES64\${NAME}"
    ${EndIf}
  ${Else}
    SetShellVarContext current
    ${If} $ChosenDir == 0
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${NAME}"
    ${EndIf}
  ${EndIf}
FunctionEnd

Function SharedPcPage
  !insertmacro MUI_HEADER_TEXT "$(SharedPcTitle)" "$(SharedPcSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 80u "$(SharedPcText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 90u 100% 12u "$(SharedPcCheckbox)"
  Pop $SharedPcBox
  ${If} $SharedPc == 1
    ${NSD_Check} $SharedPcBox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function SharedPcPageLeave
  ${NSD_GetState} $SharedPcBox $0
  ${If} $0 == ${BST_CHECKED}
    ${If} $IsAdmin != "Admin"
      ; Start this installer again elevated (Windows asks), and leave this one.
      System::Call 'shell32::ShellExecuteW(p $HWNDPARENT, w "runas", w "$EXEPATH", w "/SHAREDPC=1", p 0, i 1) p .r1'
      ${If} $1 > 32
        Quit
      ${EndIf}
      MessageBox MB_OK|MB_ICONEXCLAMATION "$(NoElevation)"
      Abort
    ${EndIf}
    StrCpy $SharedPc 1
  ${Else}
    StrCpy $SharedPc 0
  ${EndIf}
  Call ApplyMode
FunctionEnd

Section "Ouderportaal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; SHCTX: HKLM for every user, HKCU for this user (SetShellVarContext in ApplyMode).
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0

  ${If} $SharedPc == 1
    WriteRegStr HKLM "${SETTINGS_KEY}" "${SHARED_PC_VALUE}" "true"
  ${EndIf}
SectionEnd

Function un.onInit
  SetRegView 64
  UserInfo::GetAccountType
  Pop $IsAdmin
  ; Installed for every user when the machine-wide uninstall entry points at this folder.
  StrCpy $SharedPc 0
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    StrCpy $SharedPc 1
  ${EndIf}
  ${If} $SharedPc == 1
    ${If} $IsAdmin != "Admin"
      ${If} ${Silent}
        SetErrorLevel ${ERROR_ELEVATION_REQUIRED}
        Quit
      ${EndIf}
      System::Call 'shell32::ShellExecuteW(p 0, w "runas", w "$EXEPATH", w "_?=$INSTDIR", p 0, i 1) p .r1'
      ${If} $1 > 32
        Quit
      ${EndIf}
      MessageBox MB_OK|MB_ICONEXCLAMATION "$(NoElevation)"
      Abort
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there: the folder may hold something of the user's.
  Delete "$INSTDIR\${EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${NAME}.lnk"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ${If} $SharedPc == 1
    DeleteRegValue HKLM "${SETTINGS_KEY}" "${SHARED_PC_VALUE}"
    DeleteRegKey /ifempty HKLM "${SETTINGS_KEY}"
    DeleteRegKey /ifempty HKLM "Software\Ouderportaal"
  ${EndIf}

  ; The offline data belongs to the user running the uninstaller (platformdirs'
  ; user_data_dir and user_cache_dir: %LOCALAPPDATA%\Ouderportaal).
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA=" $R1
  ${If} ${Errors}
    StrCpy $R1 0
  ${EndIf}
  ${If} $R1 != 1
  ${AndIfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(RemoveData)" IDNO keep
    StrCpy $R1 1
    keep:
  ${EndIf}
  ${If} $R1 == 1
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\${NAME}"
    DeleteRegKey HKCU "Software\Ouderportaal"
  ${EndIf}
SectionEnd
