package clinic.migraine.scheduling.booking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import clinic.migraine.scheduling.booking.domain.InjectionSite;
import clinic.migraine.scheduling.booking.domain.Muscle;
import clinic.migraine.scheduling.booking.domain.Side;
import clinic.migraine.scheduling.booking.domain.Treatment;

/**
 * The completion page's form: the dose record row by row. It starts from the PREEMPT fixed-site plan and two empty
 * rows for follow-the-pain or other muscles; the clinician confirms or changes every value. Rows left empty are
 * dropped; everything else must be complete, or the page comes back with the fields marked.
 */
public class DoseForm {

    /** A row of the sites table, as typed. */
    public static class Row {
        private String muscle;
        private String otherMuscle;
        private String side;
        private String injections;
        private String units;

        public Row() {
        }

        Row(InjectionSite site) {
            this.muscle = site.muscle().name();
            this.side = site.side().name();
            this.injections = String.valueOf(site.injections());
            this.units = String.valueOf(site.units());
        }

        boolean empty() {
            return blank(muscle) && blank(otherMuscle) && blank(injections) && blank(units);
        }

        public String getMuscle() {
            return muscle;
        }

        public void setMuscle(String muscle) {
            this.muscle = muscle;
        }

        public String getOtherMuscle() {
            return otherMuscle;
        }

        public void setOtherMuscle(String otherMuscle) {
            this.otherMuscle = otherMuscle;
        }

        public String getSide() {
            return side;
        }

        public void setSide(String side) {
            this.side = side;
        }

        public String getInjections() {
            return injections;
        }

        public void setInjections(String injections) {
            this.injections = injections;
        }

        public String getUnits() {
            return units;
        }

        public void setUnits(String units) {
            this.units = units;
        }
    }

    private String administeredAt;
    private String lot;
    private String lotExpiry;
    private List<Row> sites = new ArrayList<>();
    private String wastedUnits;
    private String overrideReason;
    private String note;

    /** The PREEMPT plan and two empty rows, given at the time shown (the clinician corrects it if need be). */
    static DoseForm preempt(LocalDateTime now) {
        DoseForm form = new DoseForm();
        form.administeredAt = now.withSecond(0).withNano(0).toString();
        InjectionSite.preemptPlan().forEach(site -> form.sites.add(new Row(site)));
        form.sites.add(new Row());
        form.sites.add(new Row());
        return form;
    }

    /**
     * The record, or null with {@code problems} filled (field name → message) when something is missing or not
     * a number.
     */
    Treatment treatment(ZoneId zone, Map<String, String> problems) {
        Instant at = null;
        try {
            at = blank(administeredAt) ? null : LocalDateTime.parse(administeredAt).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.put("administeredAt", "must be a date and time");
        }
        if (at == null) {
            problems.putIfAbsent("administeredAt", "Enter when the injections were given");
        }
        if (blank(lot)) {
            problems.put("lot", "Enter the lot number from the vial");
        } else if (lot.trim().length() > 40) {
            problems.put("lot", "must be at most 40 characters");
        }
        LocalDate expiry = null;
        try {
            expiry = blank(lotExpiry) ? null : LocalDate.parse(lotExpiry);
        } catch (DateTimeParseException e) {
            problems.put("lotExpiry", "must be a date");
        }
        if (expiry == null) {
            problems.putIfAbsent("lotExpiry", "Enter the lot's expiry date");
        }
        Integer wasted = number(wastedUnits, 0, 400, "wastedUnits", "Enter the units wasted (0 when none)",
                problems);
        List<InjectionSite> doses = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Row row = sites.get(i);
            if (row.empty()) {
                continue;
            }
            String prefix = "sites[" + i + "].";
            Muscle muscle = choice(Muscle.class, row.muscle, prefix + "muscle", problems);
            Side side = choice(Side.class, row.side, prefix + "side", problems);
            if (muscle == Muscle.OTHER && blank(row.otherMuscle)) {
                problems.put(prefix + "otherMuscle", "Name the muscle");
            }
            Integer injections = number(row.injections, 1, 40, prefix + "injections", "Enter the injections", problems);
            Integer units = number(row.units, 1, 400, prefix + "units", "Enter the units", problems);
            if (muscle != null && side != null && injections != null && units != null
                    && (muscle != Muscle.OTHER || !blank(row.otherMuscle))) {
                doses.add(new InjectionSite(muscle, muscle == Muscle.OTHER ? row.otherMuscle.trim() : null, side,
                        injections, units));
            }
        }
        if (doses.isEmpty() && problems.keySet().stream().noneMatch(k -> k.startsWith("sites"))) {
            problems.put("sites", "Enter at least one injection site");
        }
        if (!blank(overrideReason) && overrideReason.length() > 500) {
            problems.put("overrideReason", "must be at most 500 characters");
        }
        if (!blank(note) && note.length() > 2000) {
            problems.put("note", "must be at most 2000 characters");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Treatment(at, "onabotulinumtoxinA", lot.trim(), expiry, doses, wasted,
                blank(overrideReason) ? null : overrideReason.trim(), blank(note) ? null : note.trim(), null);
    }

    private static Integer number(String text, int min, int max, String field, String missing,
            Map<String, String> problems) {
        if (blank(text)) {
            problems.put(field, missing);
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                problems.put(field, "must be between " + min + " and " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field,
            Map<String, String> problems) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.put(field, "Pick one of the choices");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getAdministeredAt() {
        return administeredAt;
    }

    public void setAdministeredAt(String administeredAt) {
        this.administeredAt = administeredAt;
    }

    public String getLot() {
        return lot;
    }

    public void setLot(String lot) {
        this.lot = lot;
    }

    public String getLotExpiry() {
        return lotExpiry;
    }

    public void setLotExpiry(String lotExpiry) {
        this.lotExpiry = lotExpiry;
    }

    public List<Row> getSites() {
        return sites;
    }

    public void setSites(List<Row> sites) {
        this.sites = sites;
    }

    public String getWastedUnits() {
        return wastedUnits;
    }

    public void setWastedUnits(String wastedUnits) {
        this.wastedUnits = wastedUnits;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
