# syntax=docker/dockerfile:1
# Costlens container: built with the Maven wrapper, run from Spring Boot's layered jar on a
# JRE 21 as a non-root user. Build: docker build -t costlens .

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests package \
	&& cp target/costlens-*.jar /src/application.jar
WORKDIR /layers
RUN java -Djarmode=tools -jar /src/application.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system --gid 10001 costlens \
	&& useradd --system --uid 10001 --gid costlens --home-dir /app --shell /usr/sbin/nologin costlens \
	&& mkdir -p /data \
	&& chown costlens:costlens /data
WORKDIR /app
# least-changing layers first, so a code change rebuilds only the last one
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
ENV COSTLENS_DATA_DIR=/data \
	SERVER_PORT=8000 \
	MALLOC_ARENA_MAX=2 \
	JAVA_TOOL_OPTIONS="-Xms64m -Xmx256m -XX:NewRatio=3 -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:TrimNativeHeapInterval=5000 -XX:-TieredCompilation -XX:CompileThresholdScaling=0.2 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8000
USER 10001:10001
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
	CMD curl -fsS -o /dev/null http://127.0.0.1:8000/ready || exit 1
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
