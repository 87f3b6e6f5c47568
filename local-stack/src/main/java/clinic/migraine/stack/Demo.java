package clinic.migraine.stack;

/** {@code --demo}: sample referrals that show the events flow. */
final class Demo {

    private Demo() {
    }

    static void run(Stack stack) {
        if (!stack.services().containsKey("intake-service")) {
            System.out.println("Demo skipped: intake-service is not running.");
            return;
        }
        DemoReferrals.submitAndFollow(stack.services().get("intake-service").baseUrl());
    }
}
