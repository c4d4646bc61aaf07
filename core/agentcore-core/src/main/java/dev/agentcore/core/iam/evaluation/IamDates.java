package dev.agentcore.core.iam.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates as the Date condition operators read them: "one of the W3C implementations of the ISO 8601 date formats or in
 * epoch (UNIX) time" (IAM User Guide, "Date condition operators"). A value without a zone is read as UTC; a value of
 * digits only is epoch seconds (so the W3C year-only form {@code 2020} is read as a time in 1970).
 */
final class IamDates {

    private IamDates() {
    }

    /** The instant {@code text} denotes, or null. */
    static Instant parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (isEpoch(s)) {
            int dot = s.indexOf('.');
            try {
                return Instant.ofEpochSecond(Long.parseLong(dot < 0 ? s : s.substring(0, dot)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            if (s.indexOf('T') > 0) {
                char last = s.charAt(s.length() - 1);
                boolean zoned = last == 'Z' || last == 'z' || s.lastIndexOf('+') > s.indexOf('T')
                        || s.lastIndexOf('-') > s.indexOf('T');
                return zoned ? OffsetDateTime.parse(s.replace('z', 'Z')).toInstant()
                        : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
            if (s.length() == 7) {
                return YearMonth.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isEpoch(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots <= 1 && s.charAt(0) != '.';
    }
}
