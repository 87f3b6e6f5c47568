package clinic.migraine.intake.referral.domain;

/** Preventive drug classes used to count failed trials. */
public enum DrugClass {
    BETA_BLOCKER, ANTICONVULSANT, TRICYCLIC, SNRI, CALCIUM_CHANNEL_BLOCKER, ARB_ACE, CGRP_ANTIBODY, OTHER
}
