package clinic.migraine.domain;

/** The command names something that does not exist here. */
public non-sealed class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " not found", "No " + what + " with id " + id, java.util.List.of());
    }
}
