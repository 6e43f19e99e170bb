package bourse.gateway;

import bourse.v1.MarketDataGrpc;
import bourse.v1.OrdersGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** An account of the test venue with its API key, and gRPC stubs that present the key on every call. */
final class Trader
{
    final long accountId;
    final ApiKey key;
    final OrdersGrpc.OrdersBlockingStub orders;
    final OrdersGrpc.OrdersStub ordersAsync;
    final MarketDataGrpc.MarketDataStub marketData;

    Trader(final long accountId, final ApiKey key, final ManagedChannel channel)
    {
        this.accountId = accountId;
        this.key = key;
        final Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + key.key());
        orders = OrdersGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        ordersAsync = OrdersGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        marketData = MarketDataGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public String toString()
    {
        return "Trader{account=" + accountId + "}";
    }
}
