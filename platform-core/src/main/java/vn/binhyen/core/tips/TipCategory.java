package vn.binhyen.core.tips;

/** A category of tips with its SLA (time to first response). */
public record TipCategory(String id, String nameVi, String nameEn, int slaHours) {}
