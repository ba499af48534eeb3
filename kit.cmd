@echo off
rem kit.cmd: gradkit's one entry point on Windows (./kit is Linux's and macOS's). `kit help` lists the
rem commands. Like ./kit, it only finds a JDK 17 or later (JAVA_HOME, else java.exe on the PATH),
rem builds the kit with the Maven Wrapper (mvnw.cmd, which fetches its pinned Maven once) and starts
rem the kit's command line, gradkit.kit.Kit, which does the rest.
setlocal
cd /d "%~dp0"

set "JAVA_EXE="
if defined JAVA_HOME (
  if not exist "%JAVA_HOME%\bin\java.exe" (
    echo kit: JAVA_HOME is %JAVA_HOME%, but it has no bin\java.exe. Set JAVA_HOME to a JDK 17 or later. 1>&2
    goto advice
  )
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"
)
if not defined JAVA_EXE (
  echo kit: the kit needs a JDK 17 or later, and there is no java.exe on the PATH and no JAVA_HOME. 1>&2
  goto advice
)

rem Its version and its folder, from the JVM itself.
set "JAVA_VERSION="
set "JDK_HOME="
for /f "tokens=2 delims==" %%V in ('call "%JAVA_EXE%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version ="') do set "JAVA_VERSION=%%V"
for /f "tokens=2* delims==" %%H in ('call "%JAVA_EXE%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.home ="') do set "JDK_HOME=%%H"
if not defined JAVA_VERSION (
  echo kit: %JAVA_EXE% does not run. 1>&2
  goto advice
)
set "JAVA_VERSION=%JAVA_VERSION: =%"
set "JDK_HOME=%JDK_HOME:~1%"
if "%JAVA_VERSION:~0,2%"=="1." goto tooold
if %JAVA_VERSION% LSS 17 goto tooold
if not exist "%JDK_HOME%\bin\javac.exe" (
  echo kit: %JDK_HOME% is a Java runtime without javac; the kit needs a JDK ^(Java Development Kit^) 17 or later. 1>&2
  goto advice
)
set "JAVA_HOME=%JDK_HOME%"

rem Build the library, the grader and the kit's command line (Maven skips what is up to date), then
rem start the command line (picocli is unpacked beside it in target\cli-classes).
call "%~dp0mvnw.cmd" -q -B compile
if errorlevel 1 (
  echo kit: the build failed ^(mvnw.cmd -q -B compile^) 1>&2
  exit /b 1
)
"%JAVA_HOME%\bin\java.exe" -cp target\cli-classes gradkit.kit.Kit %*
exit /b %ERRORLEVEL%

:tooold
echo kit: the kit needs a JDK 17 or later, but %JAVA_EXE% is Java %JAVA_VERSION% (%JDK_HOME%). 1>&2
:advice
echo Install one with: winget install --id EclipseAdoptium.Temurin.21.JDK -e (or from https://adoptium.net), 1>&2
echo then open a new terminal, or set JAVA_HOME to the JDK's folder. 1>&2
exit /b 1
