# One image for every stage; the stage is the command: `ingest`, `enrich`, `sink` or `run`.
# Build: docker build -t vigia .
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# -DskipTests, not -Dmaven.test.skip: that skips building the common test-jar too, which ingest resolves
# (test scope) even when its tests do not run, so the build failed on a fresh ~/.m2.
RUN mvn -B -q -ntp -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home /var/lib/vigia vigia && mkdir -p /var/lib/vigia && chown vigia /var/lib/vigia
COPY --from=build /src/app/target/vigia.jar /opt/vigia/vigia.jar
USER vigia
WORKDIR /var/lib/vigia
ENV VIGIA_DATA_DIR=/var/lib/vigia \
    VIGIA_HTTP_HOST=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/vigia/vigia.jar"]
CMD ["--help"]
