package vn.binhyen.admin.reorg;

/** One line of the reform mapping: an old unit and one new unit it went (wholly or partly) into. */
public record MappingRow(int line, String oldCode, String oldName, String level, String newCode, String newName) {}
