# Build stage: the same Maven build as CI (tests run in CI, not here).
# docker build -t cart-evidence .                                   (embedded H2)
# docker build -t cart-evidence-pg --build-arg DB_KIND=postgresql .  (PostgreSQL; URL and credentials at run time)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY openapi openapi
ARG DB_KIND=h2
RUN mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind=${DB_KIND}

# Run stage: a JRE only, as a non-root user; H2 data lives on the /data volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin cartevidence \
    && mkdir -p /data && chown cartevidence /data
WORKDIR /app
COPY --from=build --chown=cartevidence /src/target/quarkus-app/ /app/
USER 10001
ENV CARTEVIDENCE_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
