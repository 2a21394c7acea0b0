package io.millrace.worker.data;

import io.grpc.stub.StreamObserver;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataExchangeGrpc;
import io.millrace.protocol.v1.DataFrame;
import io.quarkus.grpc.GrpcService;

/**
 * The gRPC endpoint peers send channel data to. Served by the worker's HTTP server
 * ({@code quarkus.grpc.server.use-separate-server=false}); its address is registered as {@code data_address}.
 */
@GrpcService
public class DataExchangeService extends DataExchangeGrpc.DataExchangeImplBase {

    private final DataPlane dataPlane;

    public DataExchangeService(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public StreamObserver<DataFrame> transfer(StreamObserver<CreditGrant> credits) {
        return dataPlane.accept(credits);
    }
}
