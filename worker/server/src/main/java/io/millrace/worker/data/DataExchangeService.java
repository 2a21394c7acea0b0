package io.millrace.worker.data;

import io.grpc.stub.StreamObserver;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataExchangeGrpc;
import io.millrace.protocol.v1.DataFrame;

/**
 * The gRPC endpoint peers send channel data to, served on the worker's data port ({@link DataServer}); its address
 * is registered as {@code data_address}.
 */
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
