package io.millrace.controlplane.pipeline.rest;

import io.millrace.controlplane.pipeline.service.CheckedSpec;
import io.millrace.controlplane.pipeline.service.SpecChecker;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The spec checks that store nothing: {@code POST /api/v1/pipelines:validate} and {@code :plan}, for any member. The
 * colon must be sent as is: Quarkus REST does not decode {@code %3A} before matching, so
 * {@code /api/v1/pipelines%3Avalidate} is a 404 (clients such as REST Assured encode it unless told not to).
 */
public final class SpecCheckResources {

    private SpecCheckResources() {
    }

    @Path("/api/v1/pipelines:validate")
    @Tag(name = "Pipelines")
    @Authenticated
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public static class Validate {

        private final CallerContext callers;
        private final SpecChecker specs;

        public Validate(CallerContext callers, SpecChecker specs) {
            this.callers = callers;
            this.specs = specs;
        }

        @POST
        @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
                MediaType.TEXT_PLAIN })
        @Operation(summary = "Validate a spec", description = "200 with valid and every located error and warning"
                + " (JSON pointer, line, column, message, hint); nothing is stored.")
        public ValidationResponse validate(String spec, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
            callers.require(Role.VIEWER);
            return ValidationResponse.from(specs.check(spec, SpecFormats.declared(contentType)));
        }
    }

    @Path("/api/v1/pipelines:plan")
    @Tag(name = "Pipelines")
    @Authenticated
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public static class Plan {

        private final CallerContext callers;
        private final SpecChecker specs;

        public Plan(CallerContext callers, SpecChecker specs) {
            this.callers = callers;
            this.specs = specs;
        }

        @POST
        @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
                MediaType.TEXT_PLAIN })
        @Operation(summary = "The chained physical plan of a spec", description = "Chains with their operators and"
                + " parallelism, edges with their partitioning; an invalid spec is a 400 problem with the located"
                + " errors.")
        public PlanResponse plan(String spec, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
            callers.require(Role.VIEWER);
            CheckedSpec checked = specs.requireValid(spec, SpecFormats.declared(contentType));
            return PlanResponse.from(checked.plan().orElseThrow(), checked.warnings());
        }
    }
}
