;; Hand-picked EDN inputs: every kind, boundaries, escapes, hash order, namespaced
;; maps, tagged literals, and inputs clojure.edn rejects.
(ns golden.fixed-cases
  (:require [clojure.string :as str]))

(def scalars
  ["nil" "true" "false" "\"\"" "\"hello\"" "\"Neuromancer\"" "\"William Gibson\""
   "\"tab\\there\"" "\"quote \\\" backslash \\\\\"" "\"\\n\\r\\t\\b\\f\"" "\"\\u00e9\\u4e2d\\u0000\""
   "\"\\uD83D\\uDE00 smile\"" "\"\\uD800 lone\"" "\"\\0\\7\\77\\377\"" "\"\\101\\102C\"" "\"\\1 x\""
   "\"caf\u00e9 \u4e2d\u6587 \u0001\u007f\u0080\u00a0\u2028\"" "\"a\\\\nb\"" "\"\\\"\""
   "\\a" "\\A" "\\z" "\\0" "\\9" "\\newline" "\\space" "\\tab" "\\return" "\\backspace" "\\formfeed"
   "\\u0041" "\\u00e9" "\\u4e2d" "\\uFFFF" "\\u0000" "\\u000a" "\\u0020" "\\u0009" "\\u000c" "\\u0008" "\\u000d"
   "\\o0" "\\o101" "\\o377" "\\o7" "\\o12" "\\\\" "\\\"" "\\(" "\\)" "\\[" "\\{" "\\;" "\\," "\\#" "\\'" "\\:" "\\@" "\\^"
   "\\\u00e9" "\\\u4e2d" "\\ " "\\\t"
   "0" "-0" "+0" "1" "-1" "+1" "42" "007" "0N" "1N" "-1N" "42N" "0x0" "0xff" "0XFF" "-0x10" "0x7fffffffffffffff"
   "0x8000000000000000" "0xFFN" "017" "-017" "0777N" "2r1010" "-2r1010" "36rZZ" "36rabcxyz" "16rFF" "8r777" "10r99"
   "36rABN" "2R11" "9223372036854775807" "9223372036854775808" "-9223372036854775808" "-9223372036854775809"
   "18446744073709551616" "12345678901234567890" "12345678901234567890N" "-12345678901234567890"
   "100000000000000000000000000000000000000000" "9007199254740991" "9007199254740992" "9007199254740993"
   "4/2" "-4/2" "0/7" "+6/3" "100000000000000000000/2" "100000000000000000000/100000000000000000000" "9/9"
   "0.0" "-0.0" "1.0" "-1.0" "0.1" "0.5" "1.5" "100.0" "1e0" "1E1" "1e-1" "1.e5" "1." "2.5e+3" "00.5" "+1.25"
   "1.0E100" "1.0E-5" "1.2345678E7" "12345678.9" "1234567.0" "9999999.0" "10000000.0" "0.001" "0.0009999"
   "1.0E23" "2e23" "1e21" "1e22" "123456789012345678901234567890.0" "3.141592653589793" "2.718281828459045"
   "4.9E-324" "1e-323" "1.5e-323" "2.2250738585072014E-308" "2.225073858507201E-308" "1.7976931348623157E308"
   "1e309" "-1e309" "1e-400" "0.30000000000000004" "5e-324" "1.0E-4" "9.999999E-4" "1.0E-3" "0.002" "2.0E-3"
   "##Inf" "##-Inf" "##NaN" "## Inf" "##  NaN"
   "0M" "1M" "-1M" "1.0M" "1.00M" "0.0M" "-0.0M" "1e5M" "1E-7M" "0.0000001M" "0.000001M" "123.456M" "+1.5M"
   "1e0M" "100M" "1.5e3M" "12345678901234567890.123456789M" "0e3M" "-2.50M"
   ":a" ":book" ":seq-no" ":shop/a" ":shop.billing/receipt" ":a.b.c/d-e" ":1" ":1/a" ":a/b/c" ":/" ":a//" ":_/x"
   ":nil" ":true" ":*" ":+" ":-" ":->" ":a?" ":a!" ":<=>" ":a'b" ":a#b" ":a:b" ":\u00e9t\u00e9" ":\u4e2d/\u6587"
   "a" "foo" "foo-bar" "foo.bar/baz" "a/b/c" "/" "a//" "+" "-" "+a" "-a" ".5" "-.5" "'a" "'" "a'" "a#" "a:b"
   "*ns*" "<>" "=" "!" "?" "_" "&" "%" "$" "clojure.core/+" "\u00e9" "\u4e2d"
   "#uuid \"5f1c0d1e-1111-4222-8333-944455556666\"" "#uuid \"5F1C0D1E-1111-4222-8333-944455556666\""
   "#uuid \"00000000-0000-0000-0000-000000000000\"" "#uuid \"ffffffff-ffff-ffff-ffff-ffffffffffff\""
   "#uuid \"1-2-3-4-5\"" "#uuid \"+1-2-3-4-5\"" "#uuid \"-1-2-3-4-5\"" "#uuid \"123456789-12345-1-1-1234567890123\""
   "#inst \"2026-11-28T14:00:00.000-00:00\"" "#inst \"2026-11-28T14:00:00Z\"" "#inst \"2026\"" "#inst \"2026-02\""
   "#inst \"2026-02-03\"" "#inst \"2026-02-03T04\"" "#inst \"2026-02-03T04:05\"" "#inst \"2026-02-03T04:05:06\""
   "#inst \"2026-02-03T04:05:06.7\"" "#inst \"2026-02-03T04:05:06.789123456789\"" "#inst \"2026-02-03T04:05:06+01:30\""
   "#inst \"2026-02-03T04:05:06-23:59\"" "#inst \"1970-01-01T00:00:00Z\"" "#inst \"1969-12-31T23:59:59.999Z\""
   "#inst \"1969-12-31T23:59:59.5Z\"" "#inst \"2024-02-29T12:00:00Z\"" "#inst \"2000-02-29\"" "#inst \"2016-12-31T23:59:60Z\""
   "#inst \"1582-10-15T00:00:00Z\"" "#inst \"1582-10-14T23:59:59Z\"" "#inst \"1582-10-04T00:00:00Z\"" "#inst \"1582-10-10T00:00:00Z\""
   "#inst \"1000-01-01T00:00:00Z\"" "#inst \"0001-01-01T00:00:00Z\"" "#inst \"0000-01-01T00:00:00Z\"" "#inst \"0000-03-01\""
   "#inst \"9999-12-31T23:59:59.999-00:00\"" "#inst \"9999-12-31T23:59:59.999-01:00\"" "#inst \"1300-02-28T12:00:00+05:00\""
   "#inst \"1900-03-01\"" "#inst \"0400-02-29\""
   "#foo 1" "#foo/bar [1 2]" "#my.ns/tag {:a 1}" "#x nil" "#tag \"s\"" "#t #u 1" "#foo{:a 1}" "#a:b 1" "#\u00e9 1"
   "#foo 1N" "#foo 1.0M" "#foo -0.0" "#foo ##NaN" "#foo (1 2)" "#foo #{1 2}" "#foo #inst \"2020-01-01\"" "#foo \\a"
   "#foo :k" "#foo sym" "#foo #uuid \"5f1c0d1e-1111-4222-8333-944455556666\"" "#foo {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18}"])

(def unicode-cases
  "Java's Unicode-aware Character.digit/isDigit/isWhitespace/isLetter as the reader uses them."
  ["\"\\u\u0660\u0660\u0664\u0661\"" "\\u\u0660\u0660\u0664\u0661" "\"\\uFFFF\"" "\"\\u\uff26\uff26\uff26\uff26\""
   "\"\\\u0661\u0662\"" "#uuid \"\u0661-2-3-4-5\"" "\u0663" "[\u0663]" "[a\u3000b\u2028c\u1680d\u001fe]" "[a\u00a0b]"
   "[a\u2007b]" "[a\u202fb]" "[a\u0085b]" "a\u0085b/c" "ab/c\u0085" ":a\u0085b/c" "#\u00e9t\u00e9 1" "#\u0660 1" "#\u4e2d 1" "#x\u4e2d 1" "#\u00ff 1" "#\u0100 1"
   "\\\uD83D\uDE00" "[\\\uD83D \\\uDE00]" "\"\uD83D\uDE00\"" "\u00e9/\u4e2d" "\\u\uff10\uff10\uff14\uff11"])

(def structures
  ["[]" "()" "{}" "#{}" "[1 2 3]" "(1 2 3)" "[[]]" "(())" "[()]" "{:a 1}" "{:a 1, :b 2}" "{:a 1 :b 2 :c 3}"
   "{\"a\" 1 :a 2 a 3 \\a 4}" "{nil 1}" "{nil nil}" "{[1 2] :v (3) :l #{4} :s {5 6} :m}" "#{nil}" "#{nil 1 2 3}"
   "#{1 2 3}" "#{:a :b :c}" "#{\"a\" \"b\"}" "#{[1] [2]}" "#{:scifi :cyberpunk :a :b :c}" "#{1 1.0 1M}" "#{0.0 1.0 -1.0}"
   "[1 \"two\" :three four \\5 6.0 7N 8M nil true]" "(a b c)" "(quote a)" "{:a {:b {:c {:d [1 #{2}]}}}}"
   "{:seq-no 5, :timestamp #inst \"2026-11-28T14:00:00.000-00:00\", :source :bookstore, :action {:reason :payment, :actor [:user \"alice\"], :aggregate [:receipt 1], :patch {:assoc {:no \"avd2dlg3g93fm1osu\", :total 100}}}, :triggers #{[:encryption-key 1]}}"
   "{:assoc {:author \"William Gibson\", :genre \"SciFi\"}}" "{:dissoc [:a [:b :c]]}" "[:book \"Neuromancer\"]" "[:user 42]"
   "[:receipt #uuid \"5f1c0d1e-1111-4222-8333-944455556666\"]" "#{[:encryption-key 1] [:encryption-key 2]}"
   "#:shop{:a 1, :b 2}" "#:shop{:a 1 :b/c 2 :_/d 3}" "#:shop{a 1 b 2}" "#:shop{:a 1 b 2}" "#:shop{}" "#:shop{1 2 \"x\" 3}"
   "#: shop {:a 1}" "#:shop,{:a 1}" "#:a.b{:c 1}" "{:shop/a 1, :shop/b 2}" "{:shop/a 1, :other/b 2}" "{:shop/a 1, b 2}"
   "{shop/a 1, shop/b 2}" "{:shop/a 1 shop/b 2}" "{:shop/a {:shop/b 1}}" "[{:x/a 1} {:y/b 2}]"
   "[1 ; comment\n 2]" "[1 #_2 3]" "[#_ #_ 1 2 3]" "[1,2,,3]" "\n\t [1\r\n2]\n" " ;lead\n:a ;trail" "#_x 1" "1 #_x"
   "^:m [1]" "^{:a 1} (1)" "^tag sym" "^\"s\" {:a 1}" "#^:m [1]" "^:a ^:b #{1}" "[^:m [1]]"
   "[\"a\"\"b\"]" "[1\"a\"]" "[a\"b\"]" "[:a:b]" "[1#_2]" "[1(2)]" "[\\a\\b]" "[\\a,\\b]" "[nil,true,false]"
   "{:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8}" "{:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 :i 9}"
   "{nil 0 :a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8}" "{:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 nil 9}"])

(defn- kw-map [n]
  (str "{" (str/join ", " (map #(str ":k" % " " %) (range n))) "}"))

(defn- colliding-strings
  "Strings of length 2k built from blocks \"Aa\" / \"BB\" share String.hashCode."
  [k]
  (map (fn [i] (apply str (map #(if (bit-test i %) "BB" "Aa") (range k)))) (range (bit-shift-left 1 k))))

(def generated
  (concat
   (for [n (range 0 41)] (kw-map n))
   (for [n (range 0 41)] (str "#{" (str/join " " (range n)) "}"))
   (for [n (range 1 30 3)] (str "#{" (str/join " " (map #(str ":kw" %) (range n))) "}"))
   (for [n (range 1 30 3)] (str "#{" (str/join " " (map #(str "\"s" % "\"") (range n))) "}"))
   (for [n (range 1 30 3)] (str "#{" (str/join " " (map #(str "sym" %) (range n))) "}"))
   (for [n (range 1 30 3)] (str "#{" (str/join " " (map #(str "\\" (char (+ 65 %))) (range n))) "}"))
   (for [n (range 1 30 3)] (str "#{" (str/join " " (map #(str (* % 1.5) ) (range n))) "}"))
   (for [n (range 1 20 3)] (str "#{" (str/join " " (map #(str "[" % " " (- %) "]") (range n))) "}"))
   (for [n (range 9 41 4)]
     (str "{" (str/join ", " (map (fn [i] (str (case (mod i 7) 0 (str ":k" i) 1 (str "\"s" i "\"") 2 i 3 (str "[" i "]")
                                                    4 (str "sym" i) 5 (str (/ i 2.0)) 6 (str "#{" i "}")) " " i)) (range n))) "}"))
   (for [n (range 9 41 8)] (str "{" (str/join " " (map #(str ":shop/k" % " " %) (range n))) "}"))
   (for [n (range 9 41 8)] (str "#:shop{" (str/join " " (map #(str ":k" % " " %) (range n))) "}"))
   (for [n (range 9 41 8)] (str "{" (str/join " " (map #(str "shop/s" % " " %) (range n))) "}"))
   (for [k [1 2 3 4]] (str "#{" (str/join " " (map #(str "\"" % "\"") (colliding-strings k))) "}"))
   (for [k [1 2 3 4]] (str "{" (str/join " " (map #(str "\"" % "\" 1") (colliding-strings k))) "}"))
   (for [k [2 3]] (str "{" (str/join " " (map #(str "\"" % "\" 1") (concat (colliding-strings k) ["x" "y" "z" "w" "v"]))) "}"))
   (for [k [2 3]] (str "#{nil " (str/join " " (map #(str "\"" % "\"") (reverse (colliding-strings k)))) " :a :b}"))
   (for [e (range -330 311 7)] (str "1.0e" e))
   (for [e (range -325 309 11)] (str "1.2345678901234567e" e))
   (for [e (range -20 25)] (str "9.999e" e))
   (for [e (range -10 12)] (str "-3.3e" e))
   (for [k (range 0 66 3)] (str (.shiftLeft (biginteger 1) k)))
   (for [k (range 60 70)] (str "-" (.shiftLeft (biginteger 1) k)))
   (for [k (range 0 66 5)] (str (.shiftLeft (biginteger 1) k) "N"))))

(def invalid
  ["" "   " ";just a comment" "#_1" "[" "]" ")" "}" "(1 2" "[1 2" "{:a 1" "#{1" "{:a}" "{:a 1 :b}" "[1 2)" "(1 2]"
   "\"abc" "\"\\" "\"\\q\"" "\"\\u12\"" "\"\\uXYZW\"" "\"\\400\"" "\"\\8\"" "\"\\18\"" "\"\\1a\"" "\\" "\\ab" "\\uD800"
   "\\u12" "\\o400" "\\o1234" "\\o8" "\\newlin" "09" "0x" "0xG" "1a" "1.2.3" "1e" "1eN" "1.5N" "2r2" "37r1" "1r0"
   "0/0" "1/0" "--1" "@a" "`a" "~a" "a@b" "a~b" ":a/1" "::a" "a::b" ":a:" "a:" "a/" "/a" "a/b/" ":" "a:/b"
   "#{1 1}" "#{1 1N}" "#{[1] (1)}" "{:a 1 :a 2}" "{1 :a 1N :b}" "{[1] 1 (1) 2}" "#:shop{:a 1 :shop/a 2}"
   "#{0.0 -0.0}" "{1.0M 1 1.00M 2}" "#{##NaN ##NaN}" "#=(+ 1 2)" "#'a" "#\"re\"" "#(inc %)" "#?(:clj 1)" "#<foo>"
   "#" "##" "##foo" "##1" "#:a/b{:c 1}" "#::a{:b 1}" "#:a[1]" "#:a ;c\n{:b 1}" "#1 2" "#nil 1" "#foo" "#inst 5"
   "#inst \"2026-13-01\"" "#inst \"2026-02-30\"" "#inst \"2023-02-29\"" "#inst \"1900-02-29\"" "#inst \"2026-01-01T24:00\""
   "#inst \"2026-01-01T00:60\"" "#inst \"2026-01-01T00:00:60\"" "#inst \"2026-01-01t00:00:00z\"" "#inst \"26-01-01\""
   "#inst \"2026-01-01T00:00:00+24:00\"" "#inst \"\"" "#uuid 1" "#uuid \"xyz\"" "#uuid \"1-2-3-4\""
   "#uuid \"1-2-3-4-5-6\"" "#uuid \"5f1c0d1e-1111-4222-8333-9444555566667\"" "^1 [1]" "^:m 1" "^:m :k" "^:m \"s\""
   "^:m nil" "^:m" "1/2" "-3/4" "22/7"])

(def all-fixed (concat scalars unicode-cases structures generated))
