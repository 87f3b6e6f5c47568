package clinic.migraine.intake.referral.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Monthly headache days across every cycle as an SVG clinicians read at a glance: the referral's baseline and each
 * diary report as a line, treatments as vertical markers, the baseline and the payer's continuation line as
 * horizontal lines. Drawn here, on the server, with presentation attributes only (the pages' CSP allows no inline
 * styles or scripts); a data table beside it says the same in text.
 */
final class HeadacheChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int BOTTOM = 48;
    static final int MAX_DAYS = 31;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** One reading: headache days in a month, as of that day. */
    record Reading(LocalDate date, int headacheDays, String source) {
    }

    private HeadacheChart() {
    }

    /** Null when there is nothing to draw. */
    static String svg(List<Reading> readings, List<LocalDate> treatments, Integer baseline, Double continuation) {
        List<LocalDate> dates = new ArrayList<>();
        readings.forEach(r -> dates.add(r.date()));
        dates.addAll(treatments);
        if (dates.isEmpty()) {
            return null;
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow().minusDays(7);
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow().plusDays(7);
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"headache-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"chart-title chart-desc\">")
                .append("<title id=\"chart-title\">Headache days per month</title>")
                .append("<desc id=\"chart-desc\">").append(escape(description(readings, treatments, baseline,
                        continuation))).append("</desc>");
        // axes, ticks and labels
        int plotBottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "#555", null, "axis"));
        svg.append(line(LEFT, plotBottom, WIDTH - RIGHT, plotBottom, "#555", null, "axis"));
        for (int days = 0; days <= 30; days += 5) {
            double y = y(days);
            svg.append(line(LEFT - 4, y, LEFT, y, "#555", null, "tick"));
            svg.append(text(LEFT - 8, y + 4, "end", Integer.toString(days)));
        }
        for (int i = 0; i <= 4; i++) {
            LocalDate tick = first.plusDays(span * i / 4);
            double x = x(tick, first, span);
            svg.append(line(x, plotBottom, x, plotBottom + 4, "#555", null, "tick"));
            svg.append(text(x, plotBottom + 18, "middle", TICK.format(tick)));
        }
        svg.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 8, "middle", "Date"));
        svg.append("<text x=\"14\" y=\"").append(fmt(TOP + (plotBottom - TOP) / 2.0))
                .append("\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 ")
                .append(fmt(TOP + (plotBottom - TOP) / 2.0)).append(")\">Headache days per month</text>");
        // horizontal reference lines
        if (baseline != null) {
            svg.append(line(LEFT, y(baseline), WIDTH - RIGHT, y(baseline), "#8a5a00", "6 4", "baseline"));
            svg.append(text(WIDTH - RIGHT, y(baseline) - 4, "end", "Baseline " + baseline));
        }
        if (continuation != null) {
            svg.append(line(LEFT, y(continuation), WIDTH - RIGHT, y(continuation), "#1a7f37", "2 3", "continuation"));
            svg.append(text(WIDTH - RIGHT, y(continuation) + 14, "end",
                    "Payer's continuation line " + fmt(continuation)));
        }
        // treatments as vertical markers
        for (LocalDate t : treatments) {
            double x = x(t, first, span);
            svg.append(line(x, TOP, x, plotBottom, "#6f42c1", "3 3", "treatment"));
        }
        // the readings
        if (!readings.isEmpty()) {
            svg.append("<polyline class=\"readings\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"");
            for (Reading r : readings) {
                svg.append(fmt(x(r.date(), first, span))).append(',').append(fmt(y(r.headacheDays()))).append(' ');
            }
            svg.append("\"/>");
            for (Reading r : readings) {
                svg.append("<circle class=\"reading\" r=\"4\" fill=\"#0b5cad\" cx=\"")
                        .append(fmt(x(r.date(), first, span))).append("\" cy=\"").append(fmt(y(r.headacheDays())))
                        .append("\"><title>").append(escape(r.source() + ", " + r.date() + ": " + r.headacheDays()
                                + " headache days")).append("</title></circle>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String description(List<Reading> readings, List<LocalDate> treatments, Integer baseline,
            Double continuation) {
        return readings.size() + " readings of monthly headache days" + (baseline == null ? ""
                : ", baseline " + baseline) + (continuation == null ? ""
                : ", payer's continuation line " + fmt(continuation)) + ", " + treatments.size()
                + " treatments marked. The table beside the chart lists every value.";
    }

    static double y(double days) {
        double clamped = Math.max(0, Math.min(MAX_DAYS, days));
        return HEIGHT - BOTTOM - clamped * (HEIGHT - BOTTOM - TOP) / MAX_DAYS;
    }

    static double x(LocalDate date, LocalDate first, long span) {
        return LEFT + ChronoUnit.DAYS.between(first, date) * (double) (WIDTH - LEFT - RIGHT) / span;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String dash,
            String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2)
                + "\" y2=\"" + fmt(y2) + "\" stroke=\"" + stroke + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"12\">"
                + escape(content) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
