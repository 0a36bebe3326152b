pwd
ls
ls manifests
cat manifests/llmops-k8s.yaml | head -n 8
cat manifests/llmops-k8s.yaml | grep -i image
cat manifests/llmops-k8s.yaml | grep -v ' ' | wc -l
cat nope.txt
echo "quoted  spaces" 'single $HOME' $HOME
NAME=llmops; echo "app is ${NAME}-app"
export GREETING=hello && echo $GREETING
false || echo "ran after false"
true && echo "ran after true"
echo $(echo nested) and `echo backticks`
cat > notes.txt <<EOF
line one with $NAME
line two
EOF
cat notes.txt
cat > literal.txt <<'EOF'
keep $NAME as typed
EOF
cat literal.txt
echo appended >> notes.txt; tail -n 1 notes.txt
foo
echo $?
./run.sh
cd nowhere
cd manifests && pwd && cd ..
sleep x
echo "unclosed
history
