package org.mwconform.history;

/**
 * The history file cannot be used: not there, corrupt, another program's, or written by a newer harness. One line
 * naming the file and what to do; the file is left exactly as it was (a command turns this into exit code 2).
 */
public class HistoryException extends RuntimeException {
    public HistoryException(String oneLine) {
        super(oneLine);
    }
}
