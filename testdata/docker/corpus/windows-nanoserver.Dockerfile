# escape=`
ARG WINDOWS_VERSION=ltsc2022
FROM mcr.microsoft.com/windows/servercore:${WINDOWS_VERSION} AS build
SHELL ["cmd", "/S", "/C"]
COPY src C:\src
RUN cd C:\src && `
    nmake /f Makefile.win && `
    copy app.exe C:\out\app.exe

FROM mcr.microsoft.com/windows/nanoserver:${WINDOWS_VERSION}
COPY --from=build C:\out\app.exe C:\app\app.exe
USER ContainerUser
EXPOSE 8080
ENTRYPOINT ["C:\\app\\app.exe"]
