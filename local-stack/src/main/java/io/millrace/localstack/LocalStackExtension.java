package io.millrace.localstack;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the servers a test asks for with {@link WithPostgres}, {@link WithKafka}, {@link WithKeycloak} and
 * {@link WithS3} (through {@link SharedServers}, so at most once per JVM) and injects them as parameters.
 * It never stops them: they outlive the test class and are stopped when the JVM exits.
 */
public final class LocalStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Map<Class<?>, Supplier<?>> SERVERS = Map.of(
            PostgresServer.class, SharedServers::postgres,
            KafkaServer.class, SharedServers::kafka,
            KeycloakServer.class, SharedServers::keycloak,
            S3Server.class, SharedServers::s3);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getTestClass().ifPresent(LocalStackExtension::startRequested);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getTestMethod().ifPresent(LocalStackExtension::startRequested);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SERVERS.containsKey(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Supplier<?> server = SERVERS.get(parameterContext.getParameter().getType());
        if (server == null) {
            throw new ParameterResolutionException("local-stack cannot provide a "
                    + parameterContext.getParameter().getType().getName());
        }
        return server.get();
    }

    private static void startRequested(AnnotatedElement element) {
        // Keycloak is the slow one: when it is wanted, ask for it first.
        if (AnnotationSupport.isAnnotated(element, WithKeycloak.class)) {
            SharedServers.keycloak();
        }
        if (AnnotationSupport.isAnnotated(element, WithPostgres.class)) {
            SharedServers.postgres();
        }
        if (AnnotationSupport.isAnnotated(element, WithKafka.class)) {
            SharedServers.kafka();
        }
        if (AnnotationSupport.isAnnotated(element, WithS3.class)) {
            SharedServers.s3();
        }
    }
}
