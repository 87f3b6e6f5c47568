-- One patient across referrals. Eligibility names the patient of each referral it decides; the patient's
-- treatments, here and elsewhere, keep 84 days apart whichever referral they belong to.
create table referral_patient (
    referral_id  uuid primary key,
    patient_id   uuid not null
);
create index referral_patient_patient on referral_patient (patient_id);

-- Every day a patient is treated or holds a visit: one row per appointment that holds its slot (booked, arrived,
-- fulfilled), kept in step with it in the same transaction, and one per injection given elsewhere (no
-- appointment). The day is the clinic's calendar day of the visit, the day the 84 days are counted from.
create table treatment_day (
    id              bigserial primary key,
    patient_id      uuid not null,
    day             date not null,
    appointment_id  uuid unique references appointment (id) on delete cascade,
    -- the 12-week rule per patient, enforced by the database: no two treatments of one patient start less than
    -- 84 days apart (each holds [day, day + 84), and two such ranges overlap exactly when they are closer)
    constraint treatments_84_days_apart exclude using gist (patient_id with =, daterange(day, day + 84) with &&)
);

-- Injections given elsewhere, as referrals reported them, all of them (the constraint above keeps only those that
-- fit; a later one inside an earlier one's 84 days is still history and still counts for the interval).
create table outside_treatment (
    patient_id  uuid not null,
    day         date not null,
    primary key (patient_id, day)
);
