package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Starts each of the four real servers, does one real round trip with each, stops them, and checks that none of
 * their processes survived. Keycloak starts in the background while the others are exercised (it is the slow one).
 */
class LocalStackIT {

    private static final System.Logger LOG = System.getLogger(LocalStackIT.class.getName());

    @Test
    void everyServerDoesARealRoundTripAndLeavesNoProcessBehind() throws Exception {
        List<ProcessFamily> families = new ArrayList<>();
        long keycloakBegin = System.nanoTime();
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(
                () -> new KeycloakLauncher(KeycloakConfig.defaults().withLogDir(TestLogs.dir())).start());

        long begin = System.nanoTime();
        try (PostgresServer postgres = new PostgresLauncher(PostgresConfig.defaults().withLogDir(TestLogs.dir())).start()) {
            report("postgres", begin);
            families.add(ProcessFamily.of("postgres", postgres.pid()));
            postgresRoundTrip(postgres);
            families.set(0, ProcessFamily.of("postgres", postgres.pid())); // now with its backends
        }

        begin = System.nanoTime();
        try (KafkaServer kafka = new KafkaLauncher(KafkaConfig.defaults().withLogDir(TestLogs.dir())).start()) {
            report("kafka", begin);
            families.add(ProcessFamily.of("kafka", kafka.pid()));
            kafkaTransactionalRoundTrip(kafka);
        }

        begin = System.nanoTime();
        try (S3Server s3 = new S3Launcher(S3Config.defaults().withLogDir(TestLogs.dir())).start()) {
            report("s3", begin);
            families.add(ProcessFamily.of("s3", s3.pid()));
            s3RoundTrip(s3);
        }

        try (KeycloakServer keycloak = keycloakStart.join()) {
            report("keycloak (started in parallel with the others)", keycloakBegin);
            families.add(ProcessFamily.of("keycloak", keycloak.pid()));
            assertThat(families.get(families.size() - 1).members()).as("kc.sh and its JVM").isNotEmpty();
            keycloakTokenRoundTrip(keycloak);
        }

        for (ProcessFamily family : families) {
            assertThat(family.alive()).as("processes of %s still alive after close", family.server()).isEmpty();
        }
    }

    private static void postgresRoundTrip(PostgresServer postgres) throws Exception {
        assertThat(postgres.database()).isEqualTo("millrace");
        assertThat(postgres.username()).isEqualTo("millrace");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement sql = connection.createStatement()) {
            sql.execute("create table pipeline (id serial primary key, name text not null)");
            sql.execute("insert into pipeline (name) values ('word-count'), ('fraud-alerts')");
            try (ResultSet rows = sql.executeQuery("select name from pipeline order by id")) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                assertThat(names).containsExactly("word-count", "fraud-alerts");
            }
            try (ResultSet owner = sql.executeQuery("select current_user, current_database()")) {
                owner.next();
                assertThat(owner.getString(1)).isEqualTo("millrace");
                assertThat(owner.getString(2)).isEqualTo("millrace");
            }
        }
    }

    private static void kafkaTransactionalRoundTrip(KafkaServer kafka) throws Exception {
        String topic = "orders-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-it-" + UUID.randomUUID());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k3", "aborted-1"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k4", "committed-3"));
            producer.commitTransaction();
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // Three committed records are expected; poll (a blocking wait on the broker) until they arrived.
            while (values.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // One more poll after the last committed record: an aborted record, if visible, would show up now.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        assertThat(values).containsExactly("committed-1", "committed-2", "committed-3");
    }

    private static void s3RoundTrip(S3Server s3) {
        try (S3Client client = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createBucket(request -> request.bucket("checkpoints"));
            client.putObject(request -> request.bucket("checkpoints").key("job-1/chk-7/_metadata"),
                    RequestBody.fromString("checkpoint 7 of job 1"));
            client.putObject(request -> request.bucket("checkpoints").key("job-1/chk-8/_metadata"),
                    RequestBody.fromString("checkpoint 8 of job 1"));
            String body = client.getObjectAsBytes(request -> request.bucket("checkpoints")
                    .key("job-1/chk-7/_metadata")).asString(StandardCharsets.UTF_8);
            assertThat(body).isEqualTo("checkpoint 7 of job 1");
            List<String> keys = client.listObjectsV2(request -> request.bucket("checkpoints").prefix("job-1/"))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(keys).containsExactly("job-1/chk-7/_metadata", "job-1/chk-8/_metadata");
        }
    }

    private static void keycloakTokenRoundTrip(KeycloakServer keycloak) throws Exception {
        assertThat(keycloak.realmUrl()).isEqualTo(keycloak.baseUrl() + "/realms/millrace");
        String token = KeycloakTokens.passwordGrant(keycloak, "millrace-cli", "alice", "alice-dev-password");

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        URI jwks = URI.create(keycloak.realmUrl() + "/protocol/openid-connect/certs");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(jwks.toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(keycloak.realmUrl()).build(),
                Set.of("exp", "iat", "sub", "tenant", "realm_access")));
        JWTClaimsSet claims = processor.process(token, null);

        assertThat(claims.getIssuer()).isEqualTo(keycloak.realmUrl());
        assertThat(claims.getExpirationTime()).isAfter(Date.from(Instant.now()));
        assertThat(claims.getStringClaim("tenant")).isEqualTo("acme");
        assertThat(claims.getStringClaim("azp")).isEqualTo("millrace-cli");
        assertThat(claims.getAudience()).contains("millrace-api");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
        assertThat(roles).contains("admin").doesNotContain("viewer", "editor");

        // The console's code flow: any port on the loopback host is accepted (local runs pick ports), others not.
        assertThat(authorizationStatus(keycloak, "http://127.0.0.1:54321/callback")).isEqualTo(200);
        assertThat(authorizationStatus(keycloak, "http://localhost:8080/callback")).isEqualTo(200);
        assertThat(authorizationStatus(keycloak, "https://elsewhere.example/callback")).isEqualTo(400);

        String bobToken = KeycloakTokens.passwordGrant(keycloak, "millrace-cli", "bob", "bob-dev-password");
        JWTClaimsSet bob = processor.process(bobToken, null);
        assertThat(bob.getStringClaim("tenant")).isEqualTo("acme");
        @SuppressWarnings("unchecked")
        List<String> bobRoles = (List<String>) bob.getJSONObjectClaim("realm_access").get("roles");
        assertThat(bobRoles).contains("viewer").doesNotContain("admin");
    }

    private static int authorizationStatus(KeycloakServer keycloak, String redirectUri) throws Exception {
        String query = "client_id=millrace-console&response_type=code&scope=openid"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(keycloak.realmUrl()
                        + "/protocol/openid-connect/auth?" + query)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private static void report(String server, long beginNanos) {
        LOG.log(System.Logger.Level.INFO, "MEASURED start time of " + server + ": "
                + Duration.ofNanos(System.nanoTime() - beginNanos).toMillis() + " ms");
    }
}
