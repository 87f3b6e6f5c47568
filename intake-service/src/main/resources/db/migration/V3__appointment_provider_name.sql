-- The provider's name as scheduling announced it, for staff pages; null for events written before it was kept.
alter table appointment add column provider_name text;
