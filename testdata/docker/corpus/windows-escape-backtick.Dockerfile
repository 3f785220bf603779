# escape=`

# A Windows Server Core build with the backtick escape.
FROM mcr.microsoft.com/windows/servercore:ltsc2022

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]

ENV APP_HOME C:\app

RUN New-Item -ItemType Directory -Path C:\app ; `
    Invoke-WebRequest -Uri https://example.com/app.zip -OutFile C:\app.zip ; `
    Expand-Archive -Path C:\app.zip -DestinationPath C:\app ; `
    Remove-Item C:\app.zip

WORKDIR C:\app
COPY config\app.ini C:\app\config\
EXPOSE 8080
USER ContainerUser
ENTRYPOINT ["C:\\app\\app.exe"]
