package clinic.migraine.intake.referral.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import clinic.migraine.intake.referral.domain.ContactChannel;
import clinic.migraine.intake.referral.domain.Contraindication;
import clinic.migraine.intake.referral.domain.DrugClass;
import clinic.migraine.intake.referral.domain.MedicationOveruse;
import clinic.migraine.intake.referral.domain.TrialResult;
import clinic.migraine.intake.referral.domain.ReferralStatus;

/**
 * Plain-English names for the codes a referral carries, for the form's choices and the referral page. A switch
 * per enum, so a new code does not compile until it has a name.
 */
final class ReferralLabels {

    /** One choice in a select or a group of checkboxes: the value the API takes and what staff read. */
    record Option(String value, String label) {
    }

    /** Where most of the clinic's patients live, listed first in the time zone choice. */
    static final List<String> COMMON_TIME_ZONES = List.of("America/Los_Angeles", "America/Phoenix", "America/Denver",
            "America/Chicago", "America/New_York", "America/Anchorage", "Pacific/Honolulu");

    static final List<String> ALL_TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted()
            .toList();

    private ReferralLabels() {
    }

    static String status(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> "Received; waiting for the eligibility check.";
            case ELIGIBLE -> "Eligible; waiting for a booking.";
            case NOT_ELIGIBLE -> "Not eligible under the payer's policy; see the reasons.";
            case NEEDS_REVIEW -> "A clinician needs to review it.";
            case SCHEDULED -> "An injection visit is booked.";
            case IN_TREATMENT -> "In treatment; the next cycle follows.";
            case DISCONTINUED -> "Closed: withdrawn, or not continued after review.";
        };
    }

    static String drugClass(DrugClass drugClass) {
        return switch (drugClass) {
            case BETA_BLOCKER -> "Beta blocker (propranolol, metoprolol)";
            case ANTICONVULSANT -> "Anticonvulsant (topiramate, valproate)";
            case TRICYCLIC -> "Tricyclic (amitriptyline, nortriptyline)";
            case SNRI -> "SNRI (venlafaxine, duloxetine)";
            case CALCIUM_CHANNEL_BLOCKER -> "Calcium channel blocker (flunarizine, verapamil)";
            case ARB_ACE -> "ARB or ACE inhibitor (candesartan, lisinopril)";
            case CGRP_ANTIBODY -> "CGRP antibody (erenumab, fremanezumab, galcanezumab, eptinezumab)";
            case OTHER -> "Other";
        };
    }

    static String trialResult(TrialResult result) {
        return switch (result) {
            case INEFFECTIVE -> "Did not help";
            case NOT_TOLERATED -> "Not tolerated";
            case CONTRAINDICATED -> "Contraindicated";
        };
    }

    static String medicationOveruse(MedicationOveruse overuse) {
        return switch (overuse) {
            case NONE -> "None";
            case MANAGED -> "Present, being managed";
            case UNMANAGED -> "Present, not managed";
        };
    }

    static String contraindication(Contraindication contraindication) {
        return switch (contraindication) {
            case BOTULINUM_HYPERSENSITIVITY -> "Hypersensitivity to any botulinum toxin";
            case INJECTION_SITE_INFECTION -> "Infection at the injection sites";
            case NEUROMUSCULAR_DISORDER -> "Neuromuscular disorder (ALS, myasthenia gravis, Lambert-Eaton)";
            case PREGNANCY -> "Pregnancy";
        };
    }

    static String channel(ContactChannel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text message (SMS)";
        };
    }

    static List<Option> drugClasses() {
        return Arrays.stream(DrugClass.values()).map(c -> new Option(c.name(), drugClass(c))).toList();
    }

    static List<Option> trialResults() {
        return Arrays.stream(TrialResult.values()).map(r -> new Option(r.name(), trialResult(r))).toList();
    }

    static List<Option> medicationOveruses() {
        return Arrays.stream(MedicationOveruse.values()).map(o -> new Option(o.name(), medicationOveruse(o))).toList();
    }

    static List<Option> contraindications() {
        return Arrays.stream(Contraindication.values()).map(c -> new Option(c.name(), contraindication(c))).toList();
    }

    static List<Option> channels() {
        return Arrays.stream(ContactChannel.values()).map(c -> new Option(c.name(), channel(c))).toList();
    }
}
