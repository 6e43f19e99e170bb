package bourse.gateway;

/** Work that a gRPC thread hands to the gateway's agent thread, which owns the orders and the engine link. */
@FunctionalInterface
interface AgentTask
{
    /** @return false when the engine was back-pressured: the agent runs the task again on its next cycle. */
    boolean run(OrderRouter router);
}
