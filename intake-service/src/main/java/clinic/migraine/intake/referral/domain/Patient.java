package clinic.migraine.intake.referral.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One person across referrals: the name and date of birth of their first referral, and every payer member id,
 * email and phone any of their referrals gave (as {@link #memberKey}, {@link #emailKey}, {@link #phoneKey}).
 */
public record Patient(UUID id, String firstName, String lastName, LocalDate dateOfBirth, Set<String> memberIds,
        Set<String> emails, Set<String> phones) {

    public FoldedName foldedLastName() {
        return FoldedName.of(lastName);
    }

    /** Same date of birth and the same last name once folded. */
    public boolean sameNameAndBirth(String otherLastName, LocalDate otherBirth) {
        return dateOfBirth.equals(otherBirth) && foldedLastName().equals(FoldedName.of(otherLastName));
    }

    /** At least one payer member id, email or phone (by digits) in common; absent ones never match. */
    public boolean sharesContact(String memberId, String email, String phone) {
        return contains(memberIds, memberKey(memberId)) || contains(emails, emailKey(email))
                || contains(phones, phoneKey(phone));
    }

    private static boolean contains(Set<String> keys, String key) {
        return key != null && keys.contains(key);
    }

    public static String memberKey(String memberId) {
        return blankToNull(memberId == null ? null : memberId.trim().toUpperCase(Locale.ROOT));
    }

    public static String emailKey(String email) {
        return blankToNull(email == null ? null : email.trim().toLowerCase(Locale.ROOT));
    }

    /** A phone by its digits only: "+1 (310) 555-0100" and "+13105550100" are one number. */
    public static String phoneKey(String phone) {
        return blankToNull(phone == null ? null : phone.replaceAll("[^0-9]", ""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
