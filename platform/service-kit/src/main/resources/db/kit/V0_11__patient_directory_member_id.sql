-- staff also find a patient by the payer's member id
alter table patient_directory add column member_id text;
create index patient_directory_member_id on patient_directory (lower(member_id));
