package dev.agentcore.core.iam.evaluation;

/**
 * An IPv4 or IPv6 address or CIDR block, as {@code IpAddress}/{@code NotIpAddress} read them: "203.0.113.0/24",
 * "2001:DB8:1234:5678::/64"; without a prefix a value is a single address (IAM User Guide, "IP address condition
 * operators"). Parsed by hand: the IAM model does no I/O, and {@code InetAddress} would resolve host names.
 */
record IpRange(boolean v6, long high, long low, int prefix) {

    /** The range {@code text} denotes, or null when it is not an address or CIDR block. */
    static IpRange parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        IpRange a = address.indexOf(':') >= 0 ? parseV6(address) : parseV4(address);
        if (a == null) {
            return null;
        }
        int max = a.v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return null;
            }
        }
        return new IpRange(a.v6, a.high, a.low, prefix);
    }

    /** The address {@code text} denotes, an IPv4-mapped IPv6 address read as the IPv4 one; null when not an address. */
    static IpRange parseAddress(String text) {
        IpRange r = parse(text);
        if (r != null && r.v6 && r.high == 0 && (r.low >>> 32) == 0xFFFFL) {
            return new IpRange(false, 0, r.low & 0xFFFF_FFFFL, 32);
        }
        return r;
    }

    /** True when {@code address} lies in this block (addresses of the other family never do). */
    boolean contains(IpRange address) {
        if (address.v6 != v6) {
            return false;
        }
        if (!v6) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return (address.low & mask) == (low & mask);
        }
        long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return (address.high & highMask) == (high & highMask) && (address.low & lowMask) == (low & lowMask);
    }

    private static IpRange parseV4(String s) {
        long value = ipv4(s);
        return value < 0 ? null : new IpRange(false, 0, value, 32);
    }

    /** The 32-bit value of a dotted quad, or -1. */
    private static long ipv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return -1;
        }
        long value = 0;
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int n = Integer.parseInt(o);
            if (n > 255) {
                return -1;
            }
            value = value << 8 | n;
        }
        return value;
    }

    private static IpRange parseV6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        int[] head = groups(doubleColon < 0 ? s : s.substring(0, doubleColon));
        int[] tail = doubleColon < 0 ? new int[0] : groups(s.substring(doubleColon + 2));
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | all[i];
            low = low << 16 | all[i + 4];
        }
        return new IpRange(true, high, low, 128);
    }

    /** The 16-bit groups of {@code s} (a trailing dotted quad counts as two), or null when malformed. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        boolean quad = parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (quad ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String g = parts[i];
            if (quad && i == parts.length - 1) {
                long v4 = ipv4(g);
                if (v4 < 0) {
                    return null;
                }
                out[i] = (int) (v4 >>> 16);
                out[i + 1] = (int) (v4 & 0xFFFF);
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < g.length(); k++) {
                int d = Character.digit(g.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
            out[i] = v;
        }
        return out;
    }
}
