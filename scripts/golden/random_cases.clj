;; A seeded generator of EDN input texts. It builds values and writes them with
;; randomly chosen but equivalent syntax (hex/octal/radix integers, \u and octal
;; escapes, #:ns{} maps, comments, commas, #_ discards, metadata), so the
;; golden vectors exercise the reader as well as the printer.
(ns golden.random-cases
  (:require [clojure.string :as str])
  (:import [java.util Random UUID]))

(def ^:dynamic ^Random *rng* (Random. 42))

(defn- rnd [n] (.nextInt *rng* (int n)))
(defn- chance [p] (< (.nextDouble *rng*) p))
(defn- pick [xs] (nth xs (rnd (count xs))))

(def ^:private name-start "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*!_?<>=\u00e9\u4e2d")
(def ^:private name-rest "abcdefghijklmnopqrstuvwxyz0123456789-_.*+!?<>='#")

(defn- gen-name []
  (let [n (rnd 8)]
    (apply str (pick name-start) (repeatedly n #(pick name-rest)))))

(def ^:private namespaces ["shop" "user" "a.b" "coherence.specs" "x" "my-app.billing" "\u00e9t\u00e9"])

(defn- gen-ns [] (when (chance 0.4) (pick namespaces)))

(defn- valid-symbol-name? [s] (not (#{"nil" "true" "false"} s)))

(defn- gen-keyword-text []
  (let [ns (gen-ns)] (str ":" (when ns (str ns "/")) (gen-name))))

(defn- gen-symbol-text []
  (let [ns (gen-ns) n (gen-name)]
    (if (and (nil? ns) (not (valid-symbol-name? n))) "sym" (str (when ns (str ns "/")) n))))

(defn- emit-long [^long v]
  (let [neg (neg? v) a (if neg (- (bigint v)) (bigint v)) sign (if neg "-" (pick ["" "" "+"]))]
    (case (rnd 6)
      0 (str sign "0x" (.toString (biginteger a) 16))
      1 (if (zero? a) "0" (str sign "0" (.toString (biginteger a) 8)))
      2 (let [radix (+ 2 (rnd 35))] (str sign radix "r" (.toString (biginteger a) (int radix))))
      (str sign a))))

(defn- gen-int []
  (case (rnd 7)
    0 (str (- (rnd 201) 100))
    1 (emit-long (- (rnd 2001) 1000))
    2 (emit-long (.nextLong *rng*))
    3 (str (- (rnd 201) 100) "N")
    4 (str (.nextLong *rng*) "N")
    5 (str (if (chance 0.5) "-" "") (BigInteger. (int (+ 64 (rnd 80))) *rng*))
    6 (str (pick [Long/MAX_VALUE Long/MIN_VALUE (inc' Long/MAX_VALUE) (dec' Long/MIN_VALUE) 0 -1]))))

(defn- gen-double-value []
  (case (rnd 6)
    0 (* (.nextGaussian *rng*) (Math/pow 10 (- (rnd 40) 20)))
    1 (Double/longBitsToDouble (.nextLong *rng*))
    2 (double (- (rnd 2000) 1000))
    3 (/ (double (rnd 1000)) (pick [10.0 100.0 1000.0 8.0 3.0]))
    4 (pick [0.0 -0.0 1.0E-323 Double/MIN_VALUE Double/MAX_VALUE Double/MIN_NORMAL 1.0E7 1.0E-3 9999999.999])
    5 (* (pick [1.0 -1.0]) (Math/pow 2.0 (- (rnd 2100) 1075)))))

(defn- gen-double []
  (let [d (gen-double-value)]
    (cond (Double/isNaN d) "##NaN"
          (Double/isInfinite d) (if (pos? d) "##Inf" "##-Inf")
          :else (let [s (str d)]
                  (case (rnd 4)
                    0 (str/replace s "E" "e")
                    1 (if (and (not (str/includes? s "E")) (not (neg? d))) (str "+" s) s)
                    s)))))

(defn- gen-bigdec []
  (let [unscaled (BigInteger. (int (+ 1 (rnd 70))) *rng*)
        scale (- (rnd 30) 10)
        d (java.math.BigDecimal. unscaled (int scale))
        s (str (if (chance 0.3) (.negate d) d))]
    (str (if (chance 0.3) (.toPlainString (java.math.BigDecimal. s)) s) "M")))

(def ^:private string-chars
  (vec (concat (map char (range 32 127)) [\newline \tab \return \formfeed \backspace \" \\ \u0000 \u0001 \u001f \u007f
                                         \u00e9 \u00fc \u00df \u4e2d \u6587 \u2028 \u00a0 \ufeff \uffff])))

(defn- emit-string-char [^Character c]
  (let [code (int c)]
    (cond
      (= c \") "\\\""
      (= c \\) "\\\\"
      (chance 0.15) (format "\\u%04x" code)
      (and (< code 256) (chance 0.1)) (let [o (Integer/toOctalString code)]
                                        (if (chance 0.5) (str "\\" (format "%03d" (Long/parseLong o))) (str "\\" o " ")))
      (= c \newline) (pick ["\\n" "\n"])
      (= c \tab) (pick ["\\t" "\t"])
      (= c \return) "\\r"
      (= c \formfeed) "\\f"
      (= c \backspace) "\\b"
      :else (str c))))

(defn- gen-string []
  (let [cs (repeatedly (rnd 14) #(pick string-chars))
        body (apply str (map emit-string-char cs))
        body (if (chance 0.05) (str body "\\uD83D\\uDE00") body)]
    (str "\"" body "\"")))

(def ^:private char-pool (vec (concat (map char (range 33 127)) [\u00e9 \u4e2d \u00a0 \uffff])))

(defn- gen-char []
  (case (rnd 5)
    0 (pick ["\\newline" "\\space" "\\tab" "\\return" "\\backspace" "\\formfeed"])
    1 (format "\\u%04X" (int (pick char-pool)))
    2 (str "\\o" (Integer/toOctalString (rnd 256)))
    (str "\\" (pick char-pool))))

(defn- gen-inst []
  (let [y (+ 1 (rnd 9999)) mo (+ 1 (rnd 12)) d (+ 1 (rnd 28))
        h (rnd 24) mi (rnd 60) s (rnd 60)
        frac (case (rnd 3) 0 "" 1 (str "." (format "%03d" (rnd 1000))) (str "." (apply str (repeatedly (inc (rnd 12)) #(rnd 10)))))
        off (case (rnd 3) 0 "" 1 "Z" (format "%s%02d:%02d" (pick ["+" "-"]) (rnd 24) (rnd 60)))]
    (str "#inst \""
         (case (rnd 6)
           0 (format "%04d" y)
           1 (format "%04d-%02d-%02d" y mo d)
           2 (format "%04d-%02d-%02dT%02d:%02d" y mo d h mi)
           (format "%04d-%02d-%02dT%02d:%02d:%02d%s%s" y mo d h mi s frac off))
         "\"")))

(defn- gen-uuid []
  (let [u (str (UUID. (.nextLong *rng*) (.nextLong *rng*)))]
    (str "#uuid \"" (if (chance 0.2) (str/upper-case u) u) "\"")))

(defn- sep [] (pick [" " " " " " "," ", " "\n" "\t" " ,, " " ; note\n" "\r\n" " #_ :gone " " #_[1 2] "]))

(declare gen-form)

(defn- join-forms [forms] (str/join (map-indexed (fn [i f] (if (zero? i) f (str (sep) f))) forms)))

(defn- distinct-forms
  "Forms whose values are pairwise unequal (as clojure.edn would demand)."
  [forms]
  (let [read (fn [s] (clojure.edn/read-string {:default tagged-literal} s))]
    (loop [[f & more] forms seen [] out []]
      (if (nil? f) out
          (let [v (read f)]
            (if (some #(= % v) seen) (recur more seen out) (recur more (conj seen v) (conj out f))))))))

(defn- gen-size [depth]
  (if (and (< depth 2) (chance 0.15)) (+ 9 (rnd 32)) (rnd (max 1 (- 6 depth)))))

(defn- gen-map [depth]
  (let [n (gen-size depth)
        ns (when (chance 0.3) (pick namespaces))
        keys (distinct-forms (repeatedly n #(if ns (str ":" (if (chance 0.1) (str "_/" (gen-name)) (gen-name))) (gen-form (inc depth) true))))
        body (join-forms (mapcat (fn [k] [k (gen-form (inc depth) false)]) keys))]
    (if ns (str "#:" ns "{" body "}") (str "{" body "}"))))

(defn- gen-set [depth]
  (str "#{" (join-forms (distinct-forms (repeatedly (gen-size depth) #(gen-form (inc depth) true)))) "}"))

(defn- gen-coll [depth]
  (let [items #(repeatedly (rnd (max 1 (- 6 depth))) (fn [] (gen-form (inc depth) false)))
        coll (case (rnd 4)
               0 (str "[" (join-forms (items)) "]")
               1 (str "(" (join-forms (items)) ")")
               2 (gen-map depth)
               3 (gen-set depth))]
    (if (chance 0.03) (str (pick ["^:meta " "^{:doc \"x\"} " "^Tag "]) coll) coll)))

(defn gen-form
  "A random EDN form as text."
  [depth key?]
  (if (and (< depth 4) (chance (if key? 0.15 0.35)))
    (gen-coll depth)
    (case (rnd 14)
      0 (pick ["nil" "true" "false"])
      1 (gen-int) 2 (gen-int)
      3 (gen-double) 4 (gen-bigdec)
      5 (gen-string) 6 (gen-string)
      7 (gen-char)
      8 (gen-keyword-text) 9 (gen-keyword-text)
      10 (gen-symbol-text)
      11 (gen-inst)
      12 (gen-uuid)
      13 (str "#" (pick ["foo" "my/tag" "x.y/z"]) " " (gen-form (inc depth) false)))))

(defn random-inputs [n seed]
  (binding [*rng* (Random. (long seed))]
    (vec (repeatedly n #(gen-form 0 false)))))

(defn random-doubles
  "Doubles from random bit patterns and random decimal magnitudes, as JDK text."
  [n seed]
  (binding [*rng* (Random. (long seed))]
    (vec (for [_ (range n)
               :let [d (if (chance 0.5)
                         (Double/longBitsToDouble (.nextLong *rng*))
                         (* (.nextDouble *rng*) (Math/pow 10 (- (rnd 640) 324))))]
               :when (not (or (Double/isNaN d) (Double/isInfinite d)))]
           (str d)))))
