package io.millrace.controlplane.security.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.security.config.ApiConfig;
import io.millrace.controlplane.security.token.ApiTokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a token creation request and collects every problem at once (one 400 listing all fields). */
final class TokenRequestValidator {

    static final int MAX_NAME = 100;

    private TokenRequestValidator() {
    }

    static ApiTokenService.NewToken validate(TokenRequest request, Caller caller, ApiConfig.Tokens config,
            Instant now) {
        if (request == null) {
            throw ApiProblem.badRequest("send a JSON body {\"name\": ..., \"scopes\": [\"read\"], \"ttlDays\": 30}");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(FieldError.field("name", "required, 1 to " + MAX_NAME + " characters"));
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (request.scopes() == null || request.scopes().isEmpty()) {
            errors.add(FieldError.field("scopes", "required: at least one of read, write, admin"));
        } else {
            Set<Scope> grantable = Scope.grantableBy(caller.role());
            for (int i = 0; i < request.scopes().size(); i++) {
                String raw = request.scopes().get(i);
                Optional<Scope> scope = Scope.parse(raw);
                if (scope.isEmpty()) {
                    errors.add(FieldError.field("scopes[" + i + "]", "unknown scope '" + raw
                            + "'; use read, write or admin"));
                } else if (!grantable.contains(scope.get())) {
                    errors.add(FieldError.field("scopes[" + i + "]", "your role " + caller.role().wireName()
                            + " cannot grant '" + scope.get().wireName() + "'"));
                } else {
                    scopes.add(scope.get());
                }
            }
        }
        Instant expiresAt = expiry(request, config, now, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("the token request is not valid; see errors", errors);
        }
        return new ApiTokenService.NewToken(name, scopes, expiresAt);
    }

    private static Instant expiry(TokenRequest request, ApiConfig.Tokens config, Instant now,
            List<FieldError> errors) {
        Instant latest = now.plus(config.maxTtl());
        long maxDays = config.maxTtl().toDays();
        if (request.expiresAt() != null && request.ttlDays() != null) {
            errors.add(FieldError.field("ttlDays", "send either expiresAt or ttlDays, not both"));
            return null;
        }
        if (request.ttlDays() != null) {
            if (request.ttlDays() < 1 || request.ttlDays() > maxDays) {
                errors.add(FieldError.field("ttlDays", "must be 1 to " + maxDays + " days"));
                return null;
            }
            return now.plus(Duration.ofDays(request.ttlDays()));
        }
        if (request.expiresAt() != null) {
            if (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(latest)) {
                errors.add(FieldError.field("expiresAt", "must be in the future and at most " + maxDays
                        + " days from now"));
                return null;
            }
            return request.expiresAt();
        }
        return now.plus(config.defaultTtl());
    }
}
