; Inno Setup 6 script: the Windows installer of CableDesk.
;
; Input: the PyInstaller folder dist\cabledesk\ (cabledesk.exe, cabledesk-cli.exe,
; _internal\) and the icon the spec rendered into build\pyinstaller\cabledesk\icons\.
; Output: dist\cabledesk-VERSION-windows-x64-setup.exe.
;
; From the repository root (packaging\windows\README.md has every step):
;   iscc /DAppVersion=0.1.0 packaging\windows\cabledesk.iss
; and, to sign the installer and the uninstaller with the ministry's certificate:
;   iscc /DAppVersion=0.1.0 /DSignToolName=ministry ^
;        "/Sministry=signtool.exe sign /fd SHA256 /sha1 THUMBPRINT /d CableDesk $f" ^
;        packaging\windows\cabledesk.iss
;
; What it registers (per user by default, for all users when run as administrator):
; - Start menu entry (and, if chosen, a desktop shortcut);
; - file types .cable (CableDesk.Cable) and .contact (CableDesk.Contact), opened by
;   "cabledesk.exe" "%1", with CableDesk's icon; CableDesk in "Open with" for both;
; - an uninstaller entry in Settings > Apps. Uninstalling removes all of this and
;   the program folder, never the user's vault (%LOCALAPPDATA%\CableDesk).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (the one in cabledesk\__init__.py)
#endif

#define AppName "CableDesk"
#define AppExe "cabledesk.exe"
#define Root "..\.."

[Setup]
; The AppId identifies CableDesk across versions: never change it.
AppId={{6E0B7C52-3F1D-4B8E-9A0C-5D2E7F4A1C93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The CableDesk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without administrator rights; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
OutputDir={#Root}\dist
OutputBaseFilename=cabledesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\pyinstaller\cabledesk\icons\cabledesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\cabledesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU\Software\Classes for a per-user install, HKLM\Software\Classes for all users.
; .cable: sealed cables
Root: HKA; Subkey: "Software\Classes\.cable"; ValueType: string; ValueName: ""; ValueData: "CableDesk.Cable"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.cable"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-cabledesk-cable"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.cable\OpenWithProgids"; ValueType: string; ValueName: "CableDesk.Cable"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CableDesk.Cable"; ValueType: string; ValueName: ""; ValueData: "CableDesk sealed cable"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CableDesk.Cable\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\CableDesk.Cable\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .contact: contact cards
Root: HKA; Subkey: "Software\Classes\.contact"; ValueType: string; ValueName: ""; ValueData: "CableDesk.Contact"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.contact"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-cabledesk-contact"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.contact\OpenWithProgids"; ValueType: string; ValueName: "CableDesk.Contact"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CableDesk.Contact"; ValueType: string; ValueName: ""; ValueData: "CableDesk contact card"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CableDesk.Contact\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\CableDesk.Contact\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .cdir: security offices' directories (issue 16)
Root: HKA; Subkey: "Software\Classes\.cdir"; ValueType: string; ValueName: ""; ValueData: "CableDesk.Directory"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.cdir"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-cabledesk-directory"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.cdir\OpenWithProgids"; ValueType: string; ValueName: "CableDesk.Directory"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CableDesk.Directory"; ValueType: string; ValueName: ""; ValueData: "CableDesk directory"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CableDesk.Directory\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\CableDesk.Directory\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists CableDesk for both types.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".cable"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".contact"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".cdir"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
