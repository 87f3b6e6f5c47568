package clinic.migraine.events;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 only instantiates classes from trusted packages when it reads. This adds the event package to
 * whatever the JVM already trusts, so reading works whether or not {@code org.apache.avro.SERIALIZABLE_PACKAGES}
 * was set before Avro loaded.
 */
public final class TrustedEventPackage {

    private static final AtomicBoolean TRUSTED = new AtomicBoolean();

    private TrustedEventPackage() {
    }

    public static void trust() {
        if (TRUSTED.compareAndSet(false, true)) {
            String eventPackage = TrustedEventPackage.class.getPackageName();
            ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                    type -> type.getPackageName().equals(eventPackage)));
        }
    }
}
