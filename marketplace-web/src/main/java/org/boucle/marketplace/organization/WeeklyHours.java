package org.boucle.marketplace.organization;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A site's weekly opening hours, written compactly as in OpenStreetMap's {@code opening_hours}
 * subset that French sites publish: {@code "Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"}.
 */
public record WeeklyHours(List<OpeningHours> intervals) {

    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

    public WeeklyHours {
        intervals = intervals.stream()
                .sorted(Comparator.comparing(OpeningHours::dayOfWeek).thenComparing(OpeningHours::opens))
                .toList();
    }

    public static WeeklyHours parse(String text) {
        List<OpeningHours> intervals = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new WeeklyHours(intervals);
        }
        for (String rule : text.split(";")) {
            String[] parts = rule.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected 'days hours' such as 'Mo-Fr 08:00-12:00': " + rule.trim());
            }
            for (DayOfWeek day : days(parts[0])) {
                for (String range : parts[1].split(",")) {
                    String[] bounds = range.split("-");
                    if (bounds.length != 2) {
                        throw new IllegalArgumentException("expected a time range such as 08:00-12:00: " + range);
                    }
                    intervals.add(new OpeningHours(day, time(bounds[0]), time(bounds[1])));
                }
            }
        }
        return new WeeklyHours(intervals);
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] range = item.split("-");
            int from = dayIndex(range[0]);
            int to = range.length == 2 ? dayIndex(range[1]) : from;
            if (range.length > 2 || to < from) {
                throw new IllegalArgumentException("bad day range: " + item);
            }
            for (int i = from; i <= to; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return days;
    }

    private static int dayIndex(String day) {
        int index = DAYS.indexOf(day);
        if (index < 0) {
            throw new IllegalArgumentException("unknown day '" + day + "', expected one of " + DAYS);
        }
        return index;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time '" + text + "', expected HH:MM");
        }
    }

    public boolean isOpen(DayOfWeek day, LocalTime time) {
        return intervals.stream().anyMatch(i -> i.dayOfWeek() == day && !time.isBefore(i.opens()) && time.isBefore(i.closes()));
    }

    /** The compact form, days with identical hours merged into ranges. */
    @Override
    public String toString() {
        Map<DayOfWeek, String> hoursByDay = intervals.stream().collect(Collectors.groupingBy(OpeningHours::dayOfWeek,
                () -> new EnumMap<>(DayOfWeek.class),
                Collectors.mapping(i -> i.opens() + "-" + i.closes(), Collectors.joining(","))));
        List<String> rules = new ArrayList<>();
        DayOfWeek start = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = hoursByDay.get(day);
            boolean continues = previous != null && hours != null && hours.equals(hoursByDay.get(previous))
                    && previous.getValue() == day.getValue() - 1;
            if (!continues && start != null) {
                rules.add(rule(start, previous, hoursByDay.get(start)));
                start = null;
            }
            if (hours != null && start == null) {
                start = day;
            }
            previous = hours == null ? null : day;
        }
        if (start != null) {
            rules.add(rule(start, previous, hoursByDay.get(start)));
        }
        return String.join("; ", rules);
    }

    private static String rule(DayOfWeek from, DayOfWeek to, String hours) {
        String days = from == to ? abbreviation(from) : abbreviation(from) + "-" + abbreviation(to);
        return days + " " + hours;
    }

    private static String abbreviation(DayOfWeek day) {
        return DAYS.get(day.getValue() - 1);
    }
}
