;; Double.toString as specified since JDK 19 (Raffaello Giulietti's algorithm),
;; computed independently by brute force with BigDecimal, so golden vectors hold
;; what Clojure prints on a current JDK even when generated on JDK 17.
(ns golden.jdk19-double
  (:import [java.math BigDecimal MathContext RoundingMode]))

(defn- round-trips? [^BigDecimal c ^double a]
  (== (Double/parseDouble (.toString c)) a))

(defn- neighbours [^BigDecimal x n]
  [(.round x (MathContext. (int n) RoundingMode/FLOOR))
   (.round x (MathContext. (int n) RoundingMode/CEILING))])

(defn- adjusted-exponent [^BigDecimal c]
  (- (.precision c) (.scale c) 1))

(defn- significand-even? [^BigDecimal c n]
  (let [sig (.unscaledValue (.setScale c (int (- (dec n) (adjusted-exponent c))) RoundingMode/UNNECESSARY))]
    (not (.testBit sig 0))))

(defn- pick [^BigDecimal x n cands]
  (reduce (fn [^BigDecimal best ^BigDecimal c]
            (let [db (.abs (.subtract best x)) dc (.abs (.subtract c x)) cmp (.compareTo dc db)]
              (cond (neg? cmp) c
                    (pos? cmp) best
                    (significand-even? c n) c
                    :else best)))
          cands))

(defn- format-decimal [^BigDecimal d]
  (let [s (.stripTrailingZeros d)
        e (adjusted-exponent s)
        digits (str (.unscaledValue s))]
    (if (and (>= e -3) (< e 7))
      (let [p (.toPlainString s)] (if (.contains p ".") p (str p ".0")))
      (str (subs digits 0 1) "." (if (> (count digits) 1) (subs digits 1) "0") "E" e))))

(defn double->string
  "Double.toString of JDK >= 19."
  [^double v]
  (cond
    (Double/isNaN v) "NaN"
    (Double/isInfinite v) (if (pos? v) "Infinity" "-Infinity")
    (zero? v) (if (neg? (Math/copySign 1.0 v)) "-0.0" "0.0")
    :else
    (let [a (Math/abs v)
          x (BigDecimal. a)
          m (first (filter (fn [n] (some #(round-trips? % a) (neighbours x n))) (range 1 18)))
          lengths (if (= m 1) [1 2] [m])
          cands (for [n lengths c (neighbours x n) :when (round-trips? c a)] c)
          best (pick x (last lengths) cands)]
      (str (when (neg? v) "-") (format-decimal best)))))
