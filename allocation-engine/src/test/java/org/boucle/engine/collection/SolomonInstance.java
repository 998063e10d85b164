package org.boucle.engine.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A VRPTW instance in Solomon's text format (also Gehring and Homberger's): a name line, the fleet's size and
 * capacity, then one line per node, the depot first. Coordinates and times are Euclidean plane units; travel time
 * equals distance, and a customer's due date is the latest start of its service.
 */
record SolomonInstance(String name, int vehicles, int capacity, List<Node> nodes) {

    record Node(int id, double x, double y, int demand, double ready, double due, double service) {

        double distanceTo(Node other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    SolomonInstance {
        nodes = List.copyOf(nodes);
    }

    Node depot() {
        return nodes.get(0);
    }

    List<Node> customers() {
        return nodes.subList(1, nodes.size());
    }

    static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String name = lines.get(0);
        int vehicles = -1;
        int capacity = -1;
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\\s+");
            if (!Character.isDigit(fields[0].charAt(0))) {
                continue;
            }
            if (vehicles < 0) {
                vehicles = Integer.parseInt(fields[0]);
                capacity = Integer.parseInt(fields[1]);
            } else {
                nodes.add(new Node(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        Integer.parseInt(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                        Double.parseDouble(fields[6])));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != i) {
                throw new IOException(file + ": nodes are numbered 0, 1, 2… in order; found " + nodes.get(i).id() + " at " + i);
            }
        }
        return new SolomonInstance(name, vehicles, capacity, nodes);
    }
}
