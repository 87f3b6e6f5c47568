package clinic.migraine.intake.referral.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import clinic.migraine.fhir.FhirProblem;
import clinic.migraine.fhir.FhirProblem.Issue;
import clinic.migraine.intake.referral.domain.ContactChannel;
import clinic.migraine.intake.referral.domain.Contraindication;
import clinic.migraine.intake.referral.domain.DrugClass;
import clinic.migraine.intake.referral.domain.MedicationOveruse;
import clinic.migraine.intake.referral.domain.TrialResult;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * A referral sent as a FHIR R4 Bundle, read into the same {@link ReferralRequest} the JSON API takes, so both
 * are checked by the same rules. The Bundle holds one Patient, one Practitioner (the referrer, NPI as identifier),
 * one Coverage (payor identifier: the payer policy; subscriberId: the member id), one Condition (an ICD-10-CM
 * code), one ServiceRequest (its identifier makes a resend harmless), the headache history as Observations and
 * the preventive trials as MedicationStatements. The facts FHIR has no standard code for are coded in this
 * project's code systems ({@link #FACTS} and the ones beside it). Nothing a sender put in is dropped silently: a
 * resource, code system or code this reader does not know is a 400 naming it, so clinical facts never go missing
 * on the way in.
 */
final class FhirReferrals {

    static final String BASE = "https://migraine-clinic.test/fhir/CodeSystem/";
    static final String FACTS = BASE + "referral-facts";
    static final String PAYER_POLICY = "https://migraine-clinic.test/fhir/payer-policy";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String TIME_ZONE = "http://hl7.org/fhir/StructureDefinition/timezone";
    static final int MAX_ENTRIES = 100;

    static final String HEADACHE_DAYS = "headache-days-per-month";
    static final String MIGRAINE_DAYS = "migraine-days-per-month";
    static final String CHRONIC_MONTHS = "chronic-migraine-months";
    static final String MEDICATION_OVERUSE = "medication-overuse";
    static final String CGRP_ANTIBODY = "cgrp-antibody";
    static final String CONTRAINDICATION = "contraindication";

    /** Where each field of the referral sits in the Bundle, for the issues of a refused one. */
    private static final Map<String, String> WHERE = new LinkedHashMap<>();

    static {
        WHERE.put("patient.firstName", "Patient.name.given");
        WHERE.put("patient.lastName", "Patient.name.family");
        WHERE.put("patient.dateOfBirth", "Patient.birthDate");
        WHERE.put("patient.email", "Patient.telecom.where(system='email').value");
        WHERE.put("patient.phone", "Patient.telecom.where(system='phone' or system='sms').value");
        WHERE.put("patient.timeZone", "Patient.extension('" + TIME_ZONE + "').valueCode");
        WHERE.put("patient.preferredChannel", "Patient.telecom.rank");
        WHERE.put("patient", "Patient.telecom");
        WHERE.put("referrer.name", "Practitioner.name");
        WHERE.put("referrer.npi", "Practitioner.identifier.where(system='" + NPI + "').value");
        WHERE.put("referrer", "Practitioner");
        WHERE.put("payer.policy", "Coverage.payor.identifier.where(system='" + PAYER_POLICY + "').value");
        WHERE.put("payer.memberId", "Coverage.subscriberId");
        WHERE.put("payer", "Coverage");
        WHERE.put("diagnosisCode", "Condition.code.coding.where(system='" + ICD10_CM + "').code");
        WHERE.put("clinical.headacheDaysPerMonth", observation(HEADACHE_DAYS));
        WHERE.put("clinical.migraineDaysPerMonth", observation(MIGRAINE_DAYS));
        WHERE.put("clinical.chronicMigraineMonths", observation(CHRONIC_MONTHS));
        WHERE.put("clinical.medicationOveruse", observation(MEDICATION_OVERUSE));
        WHERE.put("clinical.onCgrpAntibody", observation(CGRP_ANTIBODY));
        WHERE.put("clinical.contraindications", observation(CONTRAINDICATION));
        WHERE.put("clinical.preventiveTrials", "MedicationStatement");
        WHERE.put("clinical", "Observation");
    }

    private static String observation(String code) {
        return "Observation.where(code.coding.code='" + code + "').value";
    }

    private FhirReferrals() {
    }

    /** Where a referral field (as the JSON API and the domain name it) is in a FHIR Bundle. */
    static String where(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        java.util.regex.Matcher trial = java.util.regex.Pattern
                .compile("clinical\\.preventiveTrials\\[(\\d+)](?:\\.(\\w+))?").matcher(field);
        if (trial.matches()) {
            String element = trial.group(2) == null ? "" : switch (trial.group(2)) {
                case "drug" -> ".medicationCodeableConcept.text";
                case "drugClass" -> ".category";
                case "days" -> ".effectivePeriod";
                case "result" -> ".statusReason";
                default -> "";
            };
            return "MedicationStatement[" + trial.group(1) + "]" + element;
        }
        String path = field.replaceAll("\\[\\d+]", "");
        for (Map.Entry<String, String> entry : WHERE.entrySet()) {
            if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + ".")) {
                return entry.getValue();
            }
        }
        return "Bundle";
    }

    /** What the Bundle says: the referral, and the key that makes a resend answer the first one. */
    record Read(ReferralRequest request, String idempotencyKey) {
    }

    /** @throws FhirProblem 400 with every fault found, when the Bundle cannot be read as one referral */
    static Read read(Bundle bundle) {
        List<Issue> issues = new ArrayList<>();
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw FhirProblem.badRequest(Issue.invalid("Bundle.type", "A referral is a Bundle of type transaction or "
                    + "collection"));
        }
        if (bundle.getEntry().size() > MAX_ENTRIES) {
            throw FhirProblem.badRequest(new Issue(org.hl7.fhir.r4.model.OperationOutcome.IssueType.TOOLONG,
                    "Bundle.entry", "A referral has at most " + MAX_ENTRIES + " entries; this one has "
                            + bundle.getEntry().size()));
        }
        Contents contents = new Contents();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            String at = "Bundle.entry[" + i + "].resource";
            if (resource == null) {
                issues.add(Issue.required(at, "Each entry holds a resource"));
            } else {
                contents.add(resource, at, issues);
            }
        }
        Patient patient = one(contents.patients, "Patient", issues);
        Practitioner practitioner = one(contents.practitioners, "Practitioner", issues);
        Coverage coverage = one(contents.coverages, "Coverage", issues);
        Condition condition = one(contents.conditions, "Condition", issues);
        ServiceRequest order = one(contents.orders, "ServiceRequest", issues);
        if (!issues.isEmpty()) {
            throw FhirProblem.badRequest(issues);
        }
        ReferralRequest.Patient who = patient(patient, issues);
        ReferralRequest.Referrer referrer = new ReferralRequest.Referrer(name(practitioner),
                identifier(practitioner.getIdentifier(), NPI).orElse(null));
        ReferralRequest.Payer payer = new ReferralRequest.Payer(coverage.getPayor().stream()
                .map(p -> p.getIdentifier()).filter(id -> PAYER_POLICY.equals(id.getSystem()))
                .map(Identifier::getValue).findFirst().orElse(null), coverage.getSubscriberId());
        String diagnosis = diagnosis(condition, issues);
        ReferralRequest.Clinical clinical = clinical(contents.observations, contents.trials, issues);
        if (!issues.isEmpty()) {
            throw FhirProblem.badRequest(issues);
        }
        String key = order.getIdentifier().stream().filter(Identifier::hasValue).findFirst()
                .map(id -> "fhir:" + (id.hasSystem() ? id.getSystem() + "|" : "") + id.getValue()).orElse(null);
        return new Read(new ReferralRequest(who, referrer, payer, diagnosis, clinical, null), key);
    }

    /** The Bundle's resources by type; a type a referral does not hold is refused, never ignored. */
    private static final class Contents {
        final List<Patient> patients = new ArrayList<>();
        final List<Practitioner> practitioners = new ArrayList<>();
        final List<Coverage> coverages = new ArrayList<>();
        final List<Condition> conditions = new ArrayList<>();
        final List<ServiceRequest> orders = new ArrayList<>();
        final List<Observation> observations = new ArrayList<>();
        final List<MedicationStatement> trials = new ArrayList<>();

        void add(Resource resource, String at, List<Issue> issues) {
            if (resource instanceof Patient p) {
                patients.add(p);
            } else if (resource instanceof Practitioner p) {
                practitioners.add(p);
            } else if (resource instanceof Coverage c) {
                coverages.add(c);
            } else if (resource instanceof Condition c) {
                conditions.add(c);
            } else if (resource instanceof ServiceRequest s) {
                orders.add(s);
            } else if (resource instanceof Observation o) {
                observations.add(o);
            } else if (resource instanceof MedicationStatement m) {
                trials.add(m);
            } else {
                issues.add(new Issue(org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED, at,
                        "A referral does not take " + resource.fhirType() + " resources: Patient, Practitioner, "
                                + "Coverage, Condition, ServiceRequest, Observation and MedicationStatement only"));
            }
        }
    }

    private static <T extends Resource> T one(List<T> found, String type, List<Issue> issues) {
        if (found.size() != 1) {
            issues.add(found.isEmpty() ? Issue.required(type, "The Bundle needs a " + type)
                    : Issue.invalid(type, "The Bundle holds " + found.size() + " " + type + " resources; one is "
                            + "expected"));
            return null;
        }
        return found.get(0);
    }

    private static ReferralRequest.Patient patient(Patient patient, List<Issue> issues) {
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL).map(ContactPoint::getValue).orElse(null);
        Optional<ContactPoint> phone = telecom(patient, ContactPoint.ContactPointSystem.SMS)
                .or(() -> telecom(patient, ContactPoint.ContactPointSystem.PHONE));
        Extension zone = patient.getExtensionByUrl(TIME_ZONE);
        String timeZone = zone == null || zone.getValue() == null ? null : zone.getValue().primitiveValue();
        ContactPoint preferred = patient.getTelecom().stream().filter(ContactPoint::hasRank)
                .min(java.util.Comparator.comparingInt(ContactPoint::getRank)).orElse(null);
        ContactChannel channel = preferred == null ? null
                : preferred.getSystem() == ContactPoint.ContactPointSystem.EMAIL ? ContactChannel.EMAIL
                : preferred.getSystem() == ContactPoint.ContactPointSystem.SMS
                        || preferred.getSystem() == ContactPoint.ContactPointSystem.PHONE ? ContactChannel.SMS : null;
        if (preferred == null) {
            issues.add(Issue.required("Patient.telecom.rank", "Rank the telecom the patient prefers first (rank 1): "
                    + "email or sms"));
        } else if (channel == null) {
            issues.add(Issue.invalid("Patient.telecom.rank", "The preferred telecom must be email, sms or phone"));
        }
        if (timeZone == null) {
            issues.add(Issue.required(WHERE.get("patient.timeZone"), "The patient's time zone (an IANA zone such as "
                    + "America/New_York) is needed to remind them at the right hour"));
        }
        LocalDate born = day(patient.getBirthDateElement(), "Patient.birthDate", issues);
        return new ReferralRequest.Patient(name.getGivenAsSingleString().isBlank() ? null
                : name.getGiven().get(0).getValue(), name.getFamily(), born, email,
                phone.map(ContactPoint::getValue).orElse(null), timeZone, channel);
    }

    /** The calendar day of a date or dateTime given at least to the day; a year or month alone is an issue. */
    private static LocalDate day(org.hl7.fhir.r4.model.BaseDateTimeType value, String where, List<Issue> issues) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            issues.add(Issue.invalid(where, "A full date (year, month and day) is needed"));
            return null;
        }
        return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }

    private static Optional<ContactPoint> telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == system && t.hasValue()).findFirst();
    }

    private static String name(Practitioner practitioner) {
        HumanName name = practitioner.getNameFirstRep();
        if (name.hasText()) {
            return name.getText();
        }
        String full = (name.getPrefixAsSingleString() + " " + name.getGivenAsSingleString() + " "
                + (name.hasFamily() ? name.getFamily() : "")).strip().replaceAll("\\s+", " ");
        return full.isEmpty() ? null : full;
    }

    private static Optional<String> identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(id -> system.equals(id.getSystem())).map(Identifier::getValue).findFirst();
    }

    private static String diagnosis(Condition condition, List<Issue> issues) {
        List<Coding> codings = condition.getCode().getCoding();
        Optional<Coding> icd = codings.stream().filter(c -> ICD10_CM.equals(c.getSystem())).findFirst();
        if (icd.isEmpty()) {
            issues.add(codings.isEmpty() ? Issue.required("Condition.code", "The diagnosis is an ICD-10-CM code ("
                    + ICD10_CM + ")") : Issue.codeInvalid("Condition.code.coding.system", "Unknown code system "
                    + codings.get(0).getSystem() + ": the diagnosis is an ICD-10-CM code (" + ICD10_CM + ")"));
            return null;
        }
        return icd.get().getCode();
    }

    private static ReferralRequest.Clinical clinical(List<Observation> observations, List<MedicationStatement> trials,
            List<Issue> issues) {
        Map<String, List<Observation>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation observation = observations.get(i);
            Optional<Coding> fact = observation.getCode().getCoding().stream()
                    .filter(c -> FACTS.equals(c.getSystem())).findFirst();
            String at = "Observation[" + i + "].code";
            if (fact.isEmpty()) {
                issues.add(Issue.codeInvalid(at, "Each Observation is one of the referral facts of " + FACTS
                        + " (" + String.join(", ", FACT_CODES) + ")"));
            } else if (!FACT_CODES.contains(fact.get().getCode())) {
                issues.add(Issue.codeInvalid(at, "Unknown referral fact '" + fact.get().getCode() + "': one of "
                        + String.join(", ", FACT_CODES)));
            } else {
                byCode.computeIfAbsent(fact.get().getCode(), c -> new ArrayList<>()).add(observation);
            }
        }
        for (Map.Entry<String, List<Observation>> entry : byCode.entrySet()) {
            if (!entry.getKey().equals(CONTRAINDICATION) && entry.getValue().size() > 1) {
                issues.add(Issue.invalid(observation(entry.getKey()), "The referral fact " + entry.getKey()
                        + " is given " + entry.getValue().size() + " times; once is expected"));
            }
        }
        Integer headache = count(byCode, HEADACHE_DAYS, issues);
        Integer migraine = count(byCode, MIGRAINE_DAYS, issues);
        Integer months = count(byCode, CHRONIC_MONTHS, issues);
        MedicationOveruse overuse = code(byCode, MEDICATION_OVERUSE, MedicationOveruse.class, issues);
        Boolean cgrp = first(byCode, CGRP_ANTIBODY).map(o -> {
            if (o.getValue() instanceof org.hl7.fhir.r4.model.BooleanType b) {
                return b.getValue();
            }
            issues.add(Issue.invalid(observation(CGRP_ANTIBODY), "valueBoolean: on a CGRP antibody or not"));
            return null;
        }).orElse(null);
        List<Contraindication> contraindications = byCode.getOrDefault(CONTRAINDICATION, List.of()).stream()
                .map(o -> enumOf(o.getValue(), CONTRAINDICATION, Contraindication.class, issues))
                .filter(java.util.Objects::nonNull).toList();
        List<ReferralRequest.PreventiveTrial> tried = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            tried.add(trial(trials.get(i), "MedicationStatement[" + i + "]", issues));
        }
        return new ReferralRequest.Clinical(headache, migraine, months, tried, overuse, cgrp,
                contraindications.isEmpty() ? null : contraindications);
    }

    static final List<String> FACT_CODES = List.of(HEADACHE_DAYS, MIGRAINE_DAYS, CHRONIC_MONTHS, MEDICATION_OVERUSE,
            CGRP_ANTIBODY, CONTRAINDICATION);

    private static Optional<Observation> first(Map<String, List<Observation>> byCode, String code) {
        return byCode.getOrDefault(code, List.of()).stream().findFirst();
    }

    /** A count given as valueInteger or as a valueQuantity without decimals. */
    private static Integer count(Map<String, List<Observation>> byCode, String code, List<Issue> issues) {
        return first(byCode, code).map(o -> {
            Type value = o.getValue();
            if (value instanceof IntegerType integer) {
                return integer.getValue();
            }
            if (value instanceof Quantity quantity && quantity.hasValue()) {
                try {
                    return quantity.getValue().intValueExact();
                } catch (ArithmeticException fraction) {
                    issues.add(Issue.invalid(observation(code), "A whole number of " + code.replace('-', ' ')));
                    return null;
                }
            }
            issues.add(Issue.invalid(observation(code), "valueInteger or valueQuantity: the " + code.replace('-', ' ')));
            return null;
        }).orElse(null);
    }

    private static <E extends Enum<E>> E code(Map<String, List<Observation>> byCode, String code, Class<E> type,
            List<Issue> issues) {
        return first(byCode, code).map(o -> enumOf(o.getValue(), code, type, issues)).orElse(null);
    }

    /**
     * A coded referral fact's value, coded in this project's code system of the fact's name, e.g.
     * {@code .../CodeSystem/medication-overuse}.
     */
    private static <E extends Enum<E>> E enumOf(Type value, String system, Class<E> type, List<Issue> issues) {
        String where = observation(system);
        Optional<Coding> coding = value instanceof CodeableConcept concept ? concept.getCoding().stream()
                .filter(c -> (BASE + system).equals(c.getSystem())).findFirst() : Optional.empty();
        return coding.map(c -> parse(type, c.getCode(), where, issues)).orElseGet(() -> {
            issues.add(Issue.codeInvalid(where, "valueCodeableConcept coded in " + BASE + system + " (" + names(type)
                    + ")"));
            return null;
        });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code, String where, List<Issue> issues) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            issues.add(Issue.codeInvalid(where, "Unknown code '" + code + "': one of " + names(type)));
            return null;
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList());
    }

    /**
     * A preventive tried before: the drug as text (or a coding's display), its class in category, how long from
     * effectivePeriod (or none), how it ended in statusReason.
     */
    private static ReferralRequest.PreventiveTrial trial(MedicationStatement statement, String at, List<Issue> issues) {
        CodeableConcept medication = statement.hasMedicationCodeableConcept()
                ? statement.getMedicationCodeableConcept() : new CodeableConcept();
        String drug = medication.hasText() ? medication.getText()
                : medication.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank())
                        .findFirst().orElse(null);
        DrugClass drugClass = statement.getCategory().getCoding().stream()
                .filter(c -> (BASE + "drug-class").equals(c.getSystem())).findFirst()
                .map(c -> parse(DrugClass.class, c.getCode(), at + ".category", issues)).orElse(null);
        TrialResult result = statement.getStatusReason().stream().flatMap(r -> r.getCoding().stream())
                .filter(c -> (BASE + "trial-result").equals(c.getSystem())).findFirst()
                .map(c -> parse(TrialResult.class, c.getCode(), at + ".statusReason", issues)).orElse(null);
        Integer days = null;
        if (statement.hasEffectivePeriod()) {
            Period period = statement.getEffectivePeriod();
            LocalDate from = day(period.getStartElement(), at + ".effectivePeriod.start", issues);
            LocalDate to = day(period.getEndElement(), at + ".effectivePeriod.end", issues);
            if (from != null && to != null) {
                days = (int) ChronoUnit.DAYS.between(from, to);
            }
        }
        return new ReferralRequest.PreventiveTrial(drug, drugClass, days, result);
    }
}
