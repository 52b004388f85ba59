# syntax=docker/dockerfile:1
# Stepwise as a container: built from source in the first stage, run as a non-root user on
# a JRE in the second. The image defaults to the "postgres" profile; see docker-compose.yml.

FROM eclipse-temurin:21-jdk-noble AS build
WORKDIR /src
# Dependencies first, so that a change to the sources reuses the cached download layer.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Only a cache warm-up: the package step below resolves anything it missed, and fails properly.
RUN ./mvnw -B -ntp -q dependency:go-offline || true
COPY src/ src/
RUN ./mvnw -B -ntp -q -DskipTests -Djacoco.skip=true package \
    && mkdir /layers \
    && java -Djarmode=tools -jar target/stepwise-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre-noble
RUN groupadd --system --gid 10001 stepwise \
    && useradd --system --uid 10001 --gid stepwise --home-dir /app --shell /usr/sbin/nologin stepwise
WORKDIR /app
# Layers from the least to the most often changed.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Liveness only (/livez stays on the main port when metrics move Actuator to its own): a database outage makes the instance unready, not unhealthy, so the
# orchestrator stops sending traffic instead of restarting it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /livez HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
