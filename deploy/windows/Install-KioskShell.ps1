<#
.SYNOPSIS
  Sets a Windows PC up as a locked Hip health kiosk with Shell Launcher v2.

.DESCRIPTION
  Run once, elevated, after the kiosk's NSIS installer (which installs for every
  account, into Program Files). It:
    - checks the edition: Shell Launcher exists on Enterprise, Education and IoT
      Enterprise only (on Pro, see the README, "Deploy in a clinic");
    - turns on the Shell Launcher feature (Client-EmbeddedShellLauncher);
    - creates the local standard account KioskUser;
    - makes the kiosk that account's shell with Shell Launcher v2 (the
      ShellLauncher XML, v2 namespace, applied through the MDM Bridge WMI
      provider, which only the SYSTEM account may use): Explorer never starts for
      it, there is no taskbar, Start menu or desktop, and when the kiosk exits
      Shell Launcher starts it again. Every other account keeps Explorer;
    - signs that account in automatically at boot;
    - restarts the kiosk every night (a scheduled task ends it; Shell Launcher
      starts it again);
    - at each sign-in of the account: makes PrinterName its default printer
      (silent printing goes there unless staff choose another in the kiosk's
      settings) and limits the kiosk's data folder to that account and SYSTEM;
    - sets the staff PIN in that account's data folder, with the app's own
      --set-pin, the PIN typed here and handed to the app on standard input
      (never an argument, never a file). -PinOnly does only this, for a
      forgotten PIN.

.EXAMPLE
  .\Install-KioskShell.ps1 -PrinterName "Front desk"
.EXAMPLE
  .\Install-KioskShell.ps1 -PinOnly
#>
[CmdletBinding()]
param(
  [string]$KioskUser = 'kiosk',
  [string]$KioskExe = "$env:ProgramFiles\Hip health kiosk\Hip health kiosk.exe",
  [string]$PrinterName = '',
  [string]$NightlyRestartAt = '03:30',
  [switch]$PinOnly
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

function Set-KioskPin([string]$User, [securestring]$Password) {
  $pin = Read-Host -AsSecureString 'The staff PIN (4 to 8 digits)'
  # The app runs as the kiosk account, with its profile loaded, so the PIN lands in that account's data folder.
  $start = New-Object System.Diagnostics.ProcessStartInfo
  $start.FileName = $KioskExe
  $start.Arguments = '--set-pin'
  $start.UserName = $User
  $start.Domain = $env:COMPUTERNAME
  $start.Password = $Password
  $start.LoadUserProfile = $true
  $start.UseShellExecute = $false
  $start.RedirectStandardInput = $true
  $start.RedirectStandardOutput = $true
  $start.RedirectStandardError = $true
  $process = [System.Diagnostics.Process]::Start($start)
  $plainPin = [Runtime.InteropServices.Marshal]::PtrToStringUni([Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($pin))
  $process.StandardInput.WriteLine($plainPin)
  $process.StandardInput.Close()
  $plainPin = $null
  $said = $process.StandardOutput.ReadToEnd() + $process.StandardError.ReadToEnd()
  $process.WaitForExit()
  if ($process.ExitCode -ne 0) { throw "The PIN was not set: $said" }
  Write-Host 'The staff PIN is set.'
}

if ($PinOnly) {
  Set-KioskPin -User $KioskUser -Password (Read-Host -AsSecureString "The password of $KioskUser")
  return
}

$edition = (Get-CimInstance -ClassName Win32_OperatingSystem).Caption
if ($edition -notmatch 'Enterprise|Education') {
  throw "Shell Launcher needs Windows Enterprise, Education or IoT Enterprise; this is $edition. See the README, 'Deploy in a clinic', for Windows Pro."
}
if (-not (Test-Path -LiteralPath $KioskExe)) {
  throw "The kiosk is not installed at ${KioskExe}: run its installer first."
}

Write-Host 'Turning on Shell Launcher'
$feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
if ($feature.State -ne 'Enabled') {
  $result = Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart
  if ($result.RestartNeeded) { Write-Warning 'Windows asks for a restart to finish turning on Shell Launcher; restart, then run this script again.' }
}

Write-Host "Creating the account $KioskUser"
$password = Read-Host -AsSecureString "A long password for $KioskUser (nobody types it: Windows signs the account in)"
if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
  New-LocalUser -Name $KioskUser -Password $password -FullName 'Hip health kiosk' -Description 'Signs in at boot and runs only the kiosk' -PasswordNeverExpires -UserMayNotChangePassword -AccountNeverExpires | Out-Null
  Add-LocalGroupMember -Group (Get-LocalGroup -SID 'S-1-5-32-545') -Member $KioskUser
} else {
  Set-LocalUser -Name $KioskUser -Password $password
}
$sid = (Get-LocalUser -Name $KioskUser).SID.Value

Write-Host 'Making the kiosk the shell for that account (Shell Launcher v2)'
$shellLauncherXml = @"
<?xml version="1.0" encoding="utf-8"?>
<ShellLauncherConfiguration xmlns="http://schemas.microsoft.com/ShellLauncher/2018/Configuration"
  xmlns:v2="http://schemas.microsoft.com/ShellLauncher/2019/Configuration">
  <Profiles>
    <DefaultProfile>
      <Shell Shell="%SystemRoot%\explorer.exe">
        <DefaultAction Action="RestartShell"/>
      </Shell>
    </DefaultProfile>
    <Profile Id="{2E5D4C2B-4E69-4B0A-9C1E-6A1F3B8D7C42}">
      <Shell Shell="&quot;$KioskExe&quot; --kiosk" v2:AppType="Desktop" v2:AllAppsFullScreen="true">
        <DefaultAction Action="RestartShell"/>
      </Shell>
    </Profile>
  </Profiles>
  <Configs>
    <Config>
      <Account Sid="$sid"/>
      <Profile Id="{2E5D4C2B-4E69-4B0A-9C1E-6A1F3B8D7C42}"/>
    </Config>
  </Configs>
</ShellLauncherConfiguration>
"@
$kitDir = Join-Path $env:ProgramData 'HipKiosk'
New-Item -ItemType Directory -Force -Path $kitDir | Out-Null
$xmlPath = Join-Path $kitDir 'shell-launcher.xml'
Set-Content -LiteralPath $xmlPath -Value $shellLauncherXml -Encoding UTF8
# The MDM Bridge WMI provider answers only the SYSTEM account: a one-off task runs the step as SYSTEM.
$applyPath = Join-Path $kitDir 'apply-shell-launcher.ps1'
Set-Content -LiteralPath $applyPath -Encoding UTF8 -Value @'
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Web
$xml = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'shell-launcher.xml')
$assignedAccess = Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName 'MDM_AssignedAccess'
$assignedAccess.ShellLauncher = [System.Web.HttpUtility]::HtmlEncode($xml)
Set-CimInstance -CimInstance $assignedAccess
'@
$taskName = 'Hip kiosk - apply Shell Launcher'
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -ExecutionPolicy Bypass -File `"$applyPath`""
Register-ScheduledTask -TaskName $taskName -Action $action -Principal (New-ScheduledTaskPrincipal -UserId 'S-1-5-18' -RunLevel Highest) -Force | Out-Null
Start-ScheduledTask -TaskName $taskName
do { Start-Sleep -Seconds 1 } while ((Get-ScheduledTask -TaskName $taskName).State -eq 'Running')
$applied = (Get-ScheduledTaskInfo -TaskName $taskName).LastTaskResult
Unregister-ScheduledTask -TaskName $taskName -Confirm:$false
if ($applied -ne 0) { throw "Applying the Shell Launcher configuration failed (result $applied)." }

Write-Host "Signing $KioskUser in automatically at boot"
# Winlogon keeps this password readable by administrators. Sysinternals Autologon
# stores it as an LSA secret instead: use it where that matters (see the README).
$plain = [Runtime.InteropServices.Marshal]::PtrToStringUni([Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($password))
$winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
Set-ItemProperty -Path $winlogon -Name AutoAdminLogon -Value '1'
Set-ItemProperty -Path $winlogon -Name DefaultUserName -Value $KioskUser
Set-ItemProperty -Path $winlogon -Name DefaultDomainName -Value $env:COMPUTERNAME
Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value $plain
Remove-ItemProperty -Path $winlogon -Name AutoLogonCount -ErrorAction SilentlyContinue
$plain = $null

Write-Host "Restarting the kiosk every night at $NightlyRestartAt"
$exeName = [IO.Path]::GetFileName($KioskExe)
$nightly = New-ScheduledTaskAction -Execute 'taskkill.exe' -Argument "/F /IM `"$exeName`""
Register-ScheduledTask -TaskName 'Hip kiosk - nightly restart' -Action $nightly `
  -Trigger (New-ScheduledTaskTrigger -Daily -At $NightlyRestartAt) `
  -Principal (New-ScheduledTaskPrincipal -UserId 'S-1-5-18' -RunLevel Highest) -Force | Out-Null

Write-Host 'At each sign-in of the kiosk account: its default printer and its data folder''s ACL'
$logonPath = Join-Path $kitDir 'kiosk-logon.ps1'
Set-Content -LiteralPath $logonPath -Encoding UTF8 -Value @'
param([string]$PrinterName = '')
# Runs as the kiosk account at sign-in.
$dataDir = Join-Path $env:APPDATA 'hip-kiosk'
New-Item -ItemType Directory -Force -Path $dataDir | Out-Null
# Settings, the staff PIN's state, sign-offs, packs and logs: this account and SYSTEM only (backups run as SYSTEM).
& icacls.exe $dataDir /inheritance:r /grant:r "*$([Security.Principal.WindowsIdentity]::GetCurrent().User.Value):(OI)(CI)F" '*S-1-5-18:(OI)(CI)F' | Out-Null
if ($PrinterName) {
  # Windows would otherwise move the default to the printer used last.
  Set-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows NT\CurrentVersion\Windows' -Name LegacyDefaultPrinterMode -Value 1 -Type DWord
  & rundll32.exe 'printui.dll,PrintUIEntry' /y /n "$PrinterName"
}
'@
$logonArgs = "-NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$logonPath`""
if ($PrinterName) { $logonArgs += " -PrinterName `"$PrinterName`"" }
Register-ScheduledTask -TaskName 'Hip kiosk - at sign-in' `
  -Action (New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $logonArgs) `
  -Trigger (New-ScheduledTaskTrigger -AtLogOn -User "$env:COMPUTERNAME\$KioskUser") `
  -Principal (New-ScheduledTaskPrincipal -UserId "$env:COMPUTERNAME\$KioskUser" -LogonType Interactive) -Force | Out-Null

Write-Host "Setting the staff PIN in $KioskUser's data folder"
Set-KioskPin -User $KioskUser -Password $password
Write-Host 'Done. Restart the PC: it signs in as the kiosk account and shows only the kiosk.'
