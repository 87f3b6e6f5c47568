create database intake;
create database eligibility;
create database scheduling;
create database followup;
