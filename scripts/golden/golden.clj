;; Generates test/main/core/edn/golden.json: for every input, what Clojure 1.11's
;; clojure.edn/read-string reads and what pr-str prints (with
;; *print-namespace-maps* false and true) and what hash returns.
;; Doubles print as JDK >= 19 does (see jdk19_double.clj); where the running
;; JDK prints differently, "pr17" records what it printed.
;; Usage: clojure scripts/golden/golden.clj <script-dir> > golden.json
(ns golden.main
  (:require [clojure.edn :as edn]
            [clojure.string :as str]))

(def script-dir (first *command-line-args*))
(load-file (str script-dir "/jdk19_double.clj"))
(load-file (str script-dir "/fixed_cases.clj"))
(load-file (str script-dir "/random_cases.clj"))

(def ^:dynamic *jdk19* false)
(def ^:private running-jdk-double (get-method print-method Double))

(defmethod print-method Double [o ^java.io.Writer w]
  (if (and *jdk19* (not (Double/isNaN o)) (not (Double/isInfinite o)))
    (.write w ^String (golden.jdk19-double/double->string o))
    (running-jdk-double o w)))

(defn- ratio-inside? [v]
  (some ratio? (tree-seq #(or (coll? %) (tagged-literal? %))
                         #(if (tagged-literal? %) [(:form %)] (seq %))
                         v)))

(defn evaluate [s]
  (try
    (let [v (edn/read-string {:default tagged-literal :eof ::eof} s)]
      (cond
        (= v ::eof) {"in" s "error" "no value in the input"}
        (ratio-inside? v) {"in" s "error" (str "ratio (clojure.edn reads " (pr-str v) ")")}
        :else
        ;; clojure.main binds *print-namespace-maps* to true, so bind both values explicitly.
        (let [pr17 (binding [*print-namespace-maps* false] (pr-str v))
              pr (binding [*jdk19* true *print-namespace-maps* false] (pr-str v))
              pr-ns (binding [*jdk19* true *print-namespace-maps* true] (pr-str v))]
          (cond-> {"in" s "pr" pr "prNs" pr-ns "hash" (hash v)}
            (not= pr pr17) (assoc "pr17" pr17)))))
    (catch Throwable e
      {"in" s "error" (str (.getSimpleName (class e)) ": " (.getMessage e))})))

(defn- json-string [^String s]
  (let [sb (StringBuilder. "\"")]
    (doseq [c s]
      (let [code (int c)]
        (cond (= c \") (.append sb "\\\"")
              (= c \\) (.append sb "\\\\")
              (or (< code 32) (> code 126)) (.append sb (format "\\u%04x" code))
              :else (.append sb c))))
    (str (.append sb "\""))))

(defn- json-entry [m]
  (str "{" (str/join ", " (for [k ["in" "pr" "prNs" "pr17" "hash" "error"] :when (contains? m k)]
                            (let [v (get m k)] (str (json-string k) ": " (if (string? v) (json-string v) v)))))
       "}"))

(let [inputs (distinct (concat golden.fixed-cases/all-fixed
                               golden.fixed-cases/invalid
                               (golden.random-cases/random-inputs 2400 20261128)
                               (golden.random-cases/random-doubles 1500 1911)))
      entries (map evaluate inputs)]
  (println "[")
  (println (str/join ",\n" (map json-entry entries)))
  (println "]"))
