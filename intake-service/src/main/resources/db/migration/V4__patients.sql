-- One person across referrals. folded_last_name is FoldedName's rule (lower case, no accents, spaces, hyphens or
-- apostrophes); rows written before this migration are folded here without accents, which SQL cannot drop without
-- an extension.
create table patient (
    id                uuid primary key,
    first_name        text        not null,
    last_name         text        not null,
    date_of_birth     date        not null,
    folded_last_name  text        not null,
    created_at        timestamptz not null
);
create index patient_identity on patient (date_of_birth, folded_last_name, created_at);
create index patient_name on patient (lower(last_name), lower(first_name));

insert into patient (id, first_name, last_name, date_of_birth, folded_last_name, created_at)
select distinct on (patient_id) patient_id, first_name, last_name, date_of_birth,
       regexp_replace(lower(last_name), '[[:space:]''`´‘’ʼ‐‑‒–—-]+', '', 'g'), created_at
from referral order by patient_id, created_at;

alter table referral add constraint referral_patient foreign key (patient_id) references patient (id);
create index referral_patient_id on referral (patient_id, created_at);

-- Same date of birth and last name, nothing else in common: maybe one person, for intake staff to decide.
create table possible_duplicate (
    patient_id          uuid        not null references patient (id),
    similar_patient_id  uuid        not null references patient (id),
    status              text        not null default 'OPEN',
    created_at          timestamptz not null,
    primary key (patient_id, similar_patient_id)
);
create index possible_duplicate_similar on possible_duplicate (similar_patient_id);

-- Injections given elsewhere before a referral, as the referral gave them.
create table outside_treatment (
    referral_id  uuid not null references referral (id),
    position     int  not null,
    treated_on   date not null,
    units        int  not null check (units between 1 and 400),
    clinic       text,
    primary key (referral_id, position)
);
