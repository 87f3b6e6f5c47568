/**
 * The ICD-10-CM codes the clinic takes (the G43 migraine family of the CMS tabular list, shipped as data): known
 * codes, which are billable, and the billable codes under a category.
 */
package clinic.migraine.kit.icd10;
