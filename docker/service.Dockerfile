# One image recipe for each of the four services: docker compose passes SERVICE (the module name) and PORT.
# Build the jars first (./mvnw -B -ntp -q package -DskipTests); the image only unpacks and runs them.
FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG PORT
RUN groupadd --system --gid 10001 clinic && useradd --system --uid 10001 --gid clinic --no-create-home clinic
WORKDIR /app
# least to most often changed, so a code change rebuilds only the last layer
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER clinic:clinic
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=clinic.migraine.events"
EXPOSE ${PORT}
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
