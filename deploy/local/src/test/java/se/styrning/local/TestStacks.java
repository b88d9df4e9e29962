package se.styrning.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Stacks for the tests that drive load: one client making thousands of calls (the rate limits have their own tests). */
final class TestStacks {

    private TestStacks() {
    }

    static LocalStack started(Path data, boolean serverPerDatabase) {
        LocalStack stack = new LocalStack(StackSettings.onFreePorts(data), new LocalStack.Options(serverPerDatabase, Map.of(
                "styrning.gateway.rate-limit.requests-per-second", "100000",
                "styrning.gateway.rate-limit.burst", "100000")));
        stack.start();
        return stack;
    }

    /** The gateway, as an administrator. */
    static StackApi admin(LocalStack stack) {
        return new StackApi(stack.gatewayUrl(), stack.tokens().sign("it-admin", List.of("admin"), List.of(), Duration.ofHours(12)));
    }

    static void stop(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
    }
}
