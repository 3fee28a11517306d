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
# The heap setting the benchmark runs with (bench/RESULTS.md); MALLOC_ARENA_MAX keeps glibc from adding arenas and
# the trim gives back what it keeps. For a machine short of memory, pass the README's small-memory JAVA_OPTS
# (C1 only, 96 MB heap: under 300 MB RSS, half the requests per second, slower imports; bench/RESULTS-footprint.md).
ENV CARTEVIDENCE_DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xmx192m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
