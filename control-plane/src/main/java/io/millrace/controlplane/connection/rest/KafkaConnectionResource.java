package io.millrace.controlplane.connection.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.connection.service.KafkaConnectionChange;
import io.millrace.controlplane.connection.service.KafkaConnectionService;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Kafka cluster connections of the caller's tenant. Members read them (values masked, so authors can pick one for
 * {@code connection:}); admins create, change and delete them.
 */
@Path("/api/v1/kafka-connections")
@Tag(name = "Kafka connections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KafkaConnectionResource {

    private final CallerContext callers;
    private final KafkaConnectionService connections;

    public KafkaConnectionResource(CallerContext callers, KafkaConnectionService connections) {
        this.callers = callers;
        this.connections = connections;
    }

    @GET
    @Operation(summary = "Kafka connections of the tenant", description = "Property values are \"***\".")
    public List<KafkaConnectionResponse> list() {
        Caller caller = callers.require(Role.VIEWER);
        return connections.list(caller).stream().map(KafkaConnectionResponse::from).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One Kafka connection", description = "Property values are \"***\".")
    public KafkaConnectionResponse get(@PathParam("name") String name) {
        Caller caller = callers.require(Role.VIEWER);
        return KafkaConnectionResponse.from(connections.get(caller, name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a Kafka connection (admin)", description = "201; property values are stored"
            + " encrypted and never returned.")
    public Response create(KafkaConnectionRequest request) {
        Caller caller = callers.require(Role.ADMIN);
        KafkaConnectionRequest body = required(request);
        KafkaConnectionResponse created = KafkaConnectionResponse.from(connections.create(caller, body.name(),
                change(body)));
        return Response.created(URI.create("/api/v1/kafka-connections/" + created.name())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a Kafka connection (admin)", description = "bootstrapServers and"
            + " allowedTopicPrefixes are replaced; a property not mentioned or sent as \"***\" keeps its stored"
            + " value, null removes it.")
    public KafkaConnectionResponse update(@PathParam("name") String name, KafkaConnectionRequest request) {
        Caller caller = callers.require(Role.ADMIN);
        KafkaConnectionRequest body = required(request);
        if (body.name() != null && !body.name().equals(name)) {
            throw ApiProblem.badRequest("the body names connection '" + body.name() + "' but the path '" + name
                    + "'; a connection cannot be renamed (create the new name, then delete the old one)");
        }
        return KafkaConnectionResponse.from(connections.update(caller, name, change(body)));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a Kafka connection (admin)", description = "Running jobs keep what they were"
            + " deployed with; their next deployment (restart, rescale) fails until it exists again.")
    public Response delete(@PathParam("name") String name) {
        Caller caller = callers.require(Role.ADMIN);
        connections.delete(caller, name);
        return Response.noContent().build();
    }

    private static KafkaConnectionRequest required(KafkaConnectionRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("send a JSON body: {\"name\", \"bootstrapServers\", \"properties\","
                    + " \"allowedTopicPrefixes\"}");
        }
        return request;
    }

    private static KafkaConnectionChange change(KafkaConnectionRequest request) {
        return new KafkaConnectionChange(request.bootstrapServers(), request.properties(),
                request.allowedTopicPrefixes());
    }
}
