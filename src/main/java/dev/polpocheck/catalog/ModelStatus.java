package dev.polpocheck.catalog;

/** The lifecycle stage of a model at its provider, as of the catalog's date. */
public enum ModelStatus {
  /** Fully supported. */
  ACTIVE,
  /** Still answered, but a retirement date is set. */
  DEPRECATED,
  /** Requests fail. */
  RETIRED
}
